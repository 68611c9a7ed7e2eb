package dev.migrate.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The bookshop's catalog, read from the schema that the revisions in src/main/migrations build. */
public final class BookCatalog {

    /** One book on the shelf. */
    public record Book(String title, String author, BigDecimal price, int inStock) {
    }

    private final Connection connection;

    public BookCatalog(Connection connection) {
        this.connection = connection;
    }

    /** Books with at least one copy in stock, by title. */
    public List<Book> inStock() throws SQLException {
        List<Book> books = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT title, author, price, in_stock FROM books_in_stock ORDER BY title");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                books.add(new Book(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)));
            }
        }
        return books;
    }
}
