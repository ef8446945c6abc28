-- Which Ministerial Authorization a mission's ceiling comes from, so a late, older one never overrides it.
ALTER TABLE mission ADD COLUMN ceiling_authorization_number INTEGER NOT NULL DEFAULT 0;
