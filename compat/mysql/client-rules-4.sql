SELECT 24; --x
SELECT 25;
SELECT 26
  --x indented inside
, 27;
SELECT 28; # trailing
  # indented hash line
SELECT "dq ""x"" ; \" " ;
SELECT 29 /* unterminated? no */ ;
DELIMITER $$
SELECT 30 $$ SELECT 31 $$
DELIMITER ;
SELECT 32 \g
SELECT 33;
