-- Strict mode (keyturn.access-token.strict): access tokens of a user issued before this instant are refused.
-- Set by a password change, logout everywhere and disabling the user.
ALTER TABLE users ADD COLUMN tokens_valid_after DATETIME(6);
