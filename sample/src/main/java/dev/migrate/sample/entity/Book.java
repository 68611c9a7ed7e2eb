package dev.migrate.sample.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.ColumnDefault;

/**
 * A book on the shelf (table {@code books}). The constraint names are the ones PostgreSQL gives the
 * revisions' unnamed constraints, so that the entities and the revisions agree on every database.
 */
@Entity
@Table(name = "books", indexes = @Index(name = "ix_books_author", columnList = "author_id"))
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id", nullable = false, foreignKey = @ForeignKey(name = "books_author_id_fkey"))
    private Author author;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal price;

    @ColumnDefault("0")
    @Column(name = "in_stock", nullable = false)
    private int inStock;

    protected Book() {
    }

    public Book(Author author, String title, BigDecimal price, int inStock) {
        this.author = author;
        this.title = title;
        this.price = price;
        this.inStock = inStock;
    }

    public Integer getId() {
        return id;
    }

    public Author getAuthor() {
        return author;
    }

    public String getTitle() {
        return title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getInStock() {
        return inStock;
    }
}
