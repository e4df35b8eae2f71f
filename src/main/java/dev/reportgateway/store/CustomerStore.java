package dev.reportgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code billing_customer} table: the customer id of the PSA or accounting tool for each tenant. */
@Singleton
public class CustomerStore {

    /** One tenant's customer: {@code name} and {@code currency} may be null. Written as JSON by the customer API. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Customer(String tenantId, String externalId, String name, String currency) {
    }

    private final Database database;

    CustomerStore(Database database) {
        this.database = database;
    }

    /** Replaces the whole mapping with {@code customers}, in one transaction. */
    public void replace(Collection<Customer> customers, Instant now) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM billing_customer");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO billing_customer (tenant_id, external_id, name, currency, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.executeUpdate();
                for (Customer customer : customers) {
                    insert.setString(1, customer.tenantId());
                    insert.setString(2, customer.externalId());
                    insert.setString(3, customer.name());
                    insert.setString(4, customer.currency());
                    RunStore.setInstant(insert, 5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot store the customer mapping", failed);
        }
    }

    /** Every mapped customer, by tenant id. */
    public List<Customer> list() {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT tenant_id, external_id, name, currency FROM billing_customer ORDER BY tenant_id");
                ResultSet rows = select.executeQuery()) {
            List<Customer> customers = new ArrayList<>();
            while (rows.next()) {
                customers.add(new Customer(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
            return customers;
        } catch (SQLException failed) {
            throw new StoreException("Cannot read the customer mapping", failed);
        }
    }
}
