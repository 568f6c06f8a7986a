// Defines <chat-app>, <chat-sidebar> and their parts before React renders them, so that React 19
// sees their properties (client, theme, routing) and sets them as properties.
import '@parley/elements/define';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
