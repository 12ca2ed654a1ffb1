-- MySQL and MariaDB only: the table V10 adds gets utf8mb4_bin like every other (V9). Its names are lower-case ASCII
-- by the rules of usernames and client ids, so no comparison changes; a table whose collation differs from the
-- others' would make any later statement that compares its column with theirs fail ("Illegal mix of collations").
ALTER TABLE principal_names CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
