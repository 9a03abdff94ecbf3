
-- @@stderr --
