// Shows `<chat-app guest>` against the server named by `?base-url=`, as an embedding page would.
import '../define';

const app = document.createElement('chat-app');
app.setAttribute('base-url', new URLSearchParams(location.search).get('base-url') ?? '');
app.setAttribute('routing', 'memory');
app.setAttribute('guest', '');
app.style.height = '400px';
document.body.append(app);
