-- The product's invariant, enforced by the database itself: no session exists without a
-- message. Both triggers are deferred, so a transaction may insert a session and then its
-- first message; the check runs at COMMIT and refuses a session left empty.
CREATE FUNCTION parley_require_session_message() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  checked_id text;
BEGIN
  IF TG_TABLE_NAME = 'chat_sessions' THEN
    checked_id := NEW.id;
  ELSE
    checked_id := OLD.session_id;
  END IF;
  IF EXISTS (SELECT 1 FROM chat_sessions WHERE id = checked_id)
     AND NOT EXISTS (SELECT 1 FROM chat_messages WHERE session_id = checked_id) THEN
    RAISE EXCEPTION 'chat session % has no message', checked_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'chat_sessions_require_message';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER chat_sessions_require_message
  AFTER INSERT ON chat_sessions
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION parley_require_session_message();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER chat_messages_keep_one
  AFTER DELETE OR UPDATE OF session_id ON chat_messages
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION parley_require_session_message();
