-- Every account has the role user (the self-service endpoints require it). Administrators could create accounts
-- with roles ["admin"] only; those get user in front, as new accounts are stored ("user,admin").
UPDATE users SET roles = CONCAT('user,', roles) WHERE CONCAT(',', roles, ',') NOT LIKE '%,user,%';
