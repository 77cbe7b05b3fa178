package io.sparkfeed.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MembershipRepository extends Repository<Membership, Long> {

    Membership saveAndFlush(Membership membership);

    @Query("""
            select m from Membership m
            where m.accountId = :accountId and m.startsAt <= :now and m.endsAt > :now
            order by m.endsAt desc""")
    List<Membership> activeFor(Long accountId, Instant now);

    @Query("select m from Membership m where m.accountId = :accountId and m.endsAt > :now order by m.endsAt desc")
    List<Membership> currentOrFutureFor(Long accountId, Instant now);

    @Query(
            "select distinct m.accountId from Membership m where m.accountId in :ids and m.startsAt <= :now and m.endsAt > :now")
    List<Long> primeAmong(Collection<Long> ids, Instant now);

    @Query(
            "select count(m) > 0 from Membership m where m.accountId = :accountId and m.plan = io.sparkfeed.accounts.Plan.TRIAL")
    boolean hadTrial(Long accountId);
}
