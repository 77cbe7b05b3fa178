package io.sparkfeed.catalog;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProductRepository extends Repository<Product, Long> {

    Product save(Product product);

    Optional<Product> findById(Long id);

    /** Takes {@code quantity} from stock only if that much is there: 1 row changed, or 0 when sold out. */
    @Modifying
    @Query(
            value = "update products set stock = stock - :quantity where id = :id and active and stock >= :quantity",
            nativeQuery = true)
    int take(long id, int quantity);

    @Modifying
    @Query(value = "update products set stock = :stock, updated_at = now() where id = :id", nativeQuery = true)
    int setStock(long id, int stock);
}
