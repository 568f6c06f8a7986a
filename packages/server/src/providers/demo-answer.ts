/** A tool result the demo model saw in the conversation. */
export interface DemoToolResult {
  tool: string;
  /** The tool message content, as the model receives it (usually JSON). */
  content: string;
}

const QUOTE_LIMIT = 280;

/**
 * The demo model's markdown answer: it says where it comes from, quotes the user's message,
 * and shows each kind of markdown a chat renders (heading, bold, list, table, code block).
 */
export function writeDemoAnswer(userMessage: string, toolResults: readonly DemoToolResult[]): string {
  const message = userMessage.trim();
  const words = message === '' ? 0 : message.split(/\s+/).length;
  const lines: string[] = [
    "**Parley demo model.** This answer comes from Parley's built-in demo model: it runs offline, " +
      'without a network or a language model, so every part of the chat can be tried with no setup.',
    '',
    '### You wrote',
    '',
    quote(message),
    '',
  ];
  for (const result of toolResults) lines.push(...describeToolResult(result));
  lines.push(
    'What this answer shows:',
    '',
    '- **Streaming**: the words arrive one by one, as from a real model.',
    toolResults.length > 0
      ? `- **Tools**: the model called \`${toolResults[0]!.tool}\` on the server and used its result above.`
      : '- **Tools**: a model with tools calls them first, and the answer uses their results.',
    '- **Markdown**: headings, lists, tables and code, rendered safely.',
    '',
    '| Your message | Count |',
    '| --- | ---: |',
    `| Words | ${words} |`,
    `| Characters | ${message.length} |`,
    `| Lines | ${message === '' ? 0 : message.split('\n').length} |`,
    '',
    '```js',
    '// Your message, as a JavaScript string',
    `const message = ${JSON.stringify(message)};`,
    `console.log(message.length); // ${message.length}`,
    '```',
    '',
    'To chat with a real model, set `OPENAI_BASE_URL` and `OPENAI_API_KEY` (or `OPENROUTER_API_KEY`) ' +
      'and restart the server.',
  );
  return lines.join('\n');
}

/** What the demo model says before it calls a tool. */
export function writeDemoToolPreface(tool: string): string {
  return `Let me look that up with \`${tool}\` first.`;
}

/** A short title taken from the user's message: its first words, sentence case, no end punctuation. */
export function writeDemoTitle(userMessage: string): string {
  const words = (userMessage.split('\n').find((line) => line.trim() !== '') ?? '')
    .replace(/["'`“”‘’«»*_#>]/g, '')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length > 1 && /^(hi|hello|hey|please)[,!.]?$/i.test(words[0]!)) words.shift();
  const title = words
    .slice(0, 6)
    .join(' ')
    .replace(/[\s,.;:!?…-]+$/, '');
  if (title === '') return 'Demo conversation';
  return title[0]!.toUpperCase() + title.slice(1);
}

function quote(message: string): string {
  if (message === '') return '> (an empty message)';
  const excerpt = message.length > QUOTE_LIMIT ? `${message.slice(0, QUOTE_LIMIT)}…` : message;
  return excerpt
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function describeToolResult(result: DemoToolResult): string[] {
  const lines = [`### From \`${result.tool}\``, ''];
  const value = parseJson(result.content);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    lines.push('| Field | Value |', '| --- | --- |');
    for (const [key, field] of Object.entries(value)) {
      lines.push(`| ${cell(key)} | ${cell(typeof field === 'string' ? field : JSON.stringify(field))} |`);
    }
  } else {
    lines.push('```json', result.content, '```');
  }
  lines.push('');
  return lines;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Keeps a value inside its table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
