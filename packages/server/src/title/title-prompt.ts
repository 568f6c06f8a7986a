/**
 * The system message of a title request. Exported so that providers can recognise the request
 * (the demo model answers it without pretending to think).
 */
export const TITLE_SYSTEM_PROMPT =
  'You name chat conversations. Reply with a title of at most six words that says what the ' +
  'conversation is about, in the language of the user. Reply with the title only: no quotes, ' +
  'no punctuation at the end, no explanation.';

const USER_OPEN = '<user_message>\n';
const USER_CLOSE = '\n</user_message>\n\n<assistant_answer>\n';
const ANSWER_CLOSE = '\n</assistant_answer>';

/** Longest excerpts sent to the model: enough to name the conversation, cheap in tokens. */
const USER_EXCERPT = 1_500;
const ANSWER_EXCERPT = 800;

/** The user message of a title request. */
export function formatTitleRequest(userMessage: string, assistantText: string): string {
  return (
    'Write a title for this conversation.\n\n' +
    USER_OPEN +
    userMessage.slice(0, USER_EXCERPT) +
    USER_CLOSE +
    assistantText.slice(0, ANSWER_EXCERPT) +
    ANSWER_CLOSE
  );
}

/** The user's message inside a title request made by {@link formatTitleRequest}, if it is one. */
export function parseTitleRequest(content: string): string | undefined {
  const start = content.indexOf(USER_OPEN);
  const end = content.lastIndexOf(USER_CLOSE);
  if (start < 0 || end < start) return undefined;
  return content.slice(start + USER_OPEN.length, end);
}
