# hash comment ; here
SELECT 1; -- comment ; here
SELECT 2 --x
;
--x full line
SELECT `a;b` FROM dual;
SELECT 'it''s;', "q\";", 'b\';' ;
/*!40101 SET @x = 1 */;
/* plain ; comment */ SELECT 3;
CREATE TABLE t (
  delimiter varchar(10)
);
DELIMITER $$
CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$
DELIMITER ;
SELECT 4; SELECT 5
