SELECT 6
--x inside
, 7;
  --x indented line
SELECT 8;
SELECT 9 #tail ; comment
, 10;
SELECT 11 --	tab comment ;
;
SELECT 12 --
;
SELECT /* a /* b */ 13;
/*!50001 SELECT 14; */ SELECT 15;
/*M!100100 SELECT 16 */;
SELECT 'multi
line;' ;
SELECT 17;SELECT 18;
delimiter //
CREATE FUNCTION f() RETURNS int DETERMINISTIC BEGIN RETURN 1; END//
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.delimiter = 'x;'; END //
DELIMITER ;
SELECT 19;
