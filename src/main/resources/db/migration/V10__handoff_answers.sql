-- What the team answered on a ticket (#traloi), each answer after a blank line: editors can turn a closed ticket's
-- answer into a question variant or a draft article. Emptied with the question on withdrawal and after
-- kb.keep_questions_days, like the other ticket texts.
ALTER TABLE handoff_tickets ADD COLUMN answers TEXT;
