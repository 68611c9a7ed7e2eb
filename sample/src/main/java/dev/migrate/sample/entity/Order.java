package dev.migrate.sample.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.ColumnDefault;

/** A customer's order (table {@code orders}); the database stamps when it was placed. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false, foreignKey = @ForeignKey(name = "orders_customer_id_fkey"))
    private Customer customer;

    // the revisions' TIMESTAMP, not Hibernate's default timestamp(6): PostgreSQL tells the two apart
    @ColumnDefault("CURRENT_TIMESTAMP")
    @Column(name = "placed_at", nullable = false, columnDefinition = "timestamp")
    private LocalDateTime placedAt;

    protected Order() {
    }

    public Order(Customer customer) {
        this.customer = customer;
    }

    public Integer getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public LocalDateTime getPlacedAt() {
        return placedAt;
    }
}
