-- parents: 20250113090000
-- message: invoice numbers

-- upgrade
CREATE SEQUENCE app.invoice_number_seq AS integer START 1000 CACHE 20;
CREATE TABLE app.invoices (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES app.tenants(id),
    number integer NOT NULL DEFAULT nextval('app.invoice_number_seq'),
    total numeric(14,2) NOT NULL CHECK (total >= 0),
    issued_on date NOT NULL DEFAULT CURRENT_DATE
);
ALTER SEQUENCE app.invoice_number_seq OWNED BY app.invoices.number;

-- downgrade
DROP TABLE app.invoices;
