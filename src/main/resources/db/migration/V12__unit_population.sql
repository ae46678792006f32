-- Optional weight of a unit from the units file's `population` column (people living there); NULL when not given.
-- A province-wide target can later be split between units in proportion to it.
ALTER TABLE units ADD COLUMN population INTEGER;
