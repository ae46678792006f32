-- A guided draft may ask one indicator only (#sua hotro) and then return to the summary for #xacnhan.
ALTER TABLE report_drafts ADD COLUMN single INTEGER NOT NULL DEFAULT 0;
