package com.acme.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders", indexes = @Index(name = "ix_orders_placed", columnList = "placedOn"))
public class PurchaseOrder {
    enum Status { OPEN, SHIPPED }

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    Customer customer;

    @Enumerated(EnumType.STRING)
    Status status;

    java.time.LocalDate placedOn;
}
