package dev.migrate.sample.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Check;

/** So many copies of a book in an order (table {@code order_lines}, keyed by both). */
@Entity
@Table(name = "order_lines")
@IdClass(OrderLine.Key.class)
public class OrderLine {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, foreignKey = @ForeignKey(name = "order_lines_order_id_fkey"))
    private Order order;

    // Hibernate lists the key's columns in the order of its attributes' names: volume after order, as in
    // the revisions' PRIMARY KEY (order_id, book_id)
    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "book_id", nullable = false, foreignKey = @ForeignKey(name = "order_lines_book_id_fkey"))
    private Book volume;

    @Check(name = "order_lines_quantity_check", constraints = "quantity > 0")
    @Column(nullable = false)
    private int quantity;

    protected OrderLine() {
    }

    public OrderLine(Order order, Book book, int quantity) {
        this.order = order;
        this.volume = book;
        this.quantity = quantity;
    }

    public Order getOrder() {
        return order;
    }

    public Book getBook() {
        return volume;
    }

    public int getQuantity() {
        return quantity;
    }

    /** An order line's identity: its order and its book. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Integer order;
        private Integer volume;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(order, key.order) && Objects.equals(volume, key.volume);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, volume);
        }
    }
}
