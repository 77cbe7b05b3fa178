package io.sparkfeed.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

    Account save(Account account);

    void flush();

    Optional<Account> findById(Long id);

    List<Account> findByIdIn(Collection<Long> ids);

    @Query("select a from Account a where lower(a.email) = lower(:login) or lower(a.handle) = lower(:login)")
    Optional<Account> findByLogin(String login);

    @Query("select a.id from Account a where lower(a.email) = lower(:login) or lower(a.handle) = lower(:login)")
    Optional<Long> findIdByLogin(String login);

    @Query("select a from Account a where a.brandRequestedAt is not null order by a.brandRequestedAt, a.id")
    List<Account> findBrandRequests(Pageable page);

    @Query("select a from Account a where lower(a.email) = lower(:email)")
    Optional<Account> findByEmail(String email);

    @Query("select a from Account a where lower(a.handle) = lower(:handle)")
    Optional<Account> findByHandle(String handle);

    @Query("select count(a) > 0 from Account a where a.id = :id and a.suspendedAt is not null")
    boolean isSuspended(long id);

    @Query("select count(a) > 0 from Account a where lower(a.email) = lower(:email)")
    boolean emailTaken(String email);

    @Query("select count(a) > 0 from Account a where lower(a.handle) = lower(:handle)")
    boolean handleTaken(String handle);

    @Query("""
            select a from Account a
            where :q = '' or lower(a.handle) like lower(concat('%', :q, '%'))
               or lower(a.email) like lower(concat('%', :q, '%'))
               or lower(a.displayName) like lower(concat('%', :q, '%'))
            order by a.createdAt desc, a.id desc""")
    List<Account> search(String q, Pageable page);
}
