package org.inclusionmatch.profile.person;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.LegalBasis;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audited read of one person (every case worker's screen, issue 23): one query on the primary key into the view
 * the API shows, without an entity, a persistence context or a transaction. Measured with JFR on the local stack, the
 * entity's lifecycle (load, the organisation's join, dirty-checking at a commit) was most of this read's CPU.
 */
@ApplicationScoped
class PersonReads {

    private static final String SELECT = "select id, organisation_id, role, archetype, birth_year, gender, region, "
            + "municipality, target_groups, needs, goals, languages, legal_basis, consent_date, legal_reference, "
            + "matching_allowed, external_ref, version, created_at, updated_at, identity_link is not null from person where id = ? and organisation_id = ?";

    private final AgroalDataSource dataSource;

    PersonReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The person if {@code organisationId} holds them; empty otherwise, so that ids of others reveal nothing. */
    Optional<PersonView> read(UUID organisationId, UUID id) throws SQLException { // an outage: DatabaseUnavailable's 503
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(SELECT)) {
            select.setObject(1, id);
            select.setObject(2, organisationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(view(row)) : Optional.empty();
            }
        }
    }

    private static PersonView view(ResultSet row) throws SQLException {
        return new PersonView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                Role.valueOf(row.getString(3)), Archetype.valueOf(row.getString(4)), row.getInt(5),
                Gender.valueOf(row.getString(6)), Region.valueOf(row.getString(7)), row.getString(8),
                texts(row.getArray(9)), texts(row.getArray(10)), texts(row.getArray(11)), texts(row.getArray(12)),
                new Processing(LegalBasis.valueOf(row.getString(13)), row.getObject(14, LocalDate.class), row.getString(15)),
                row.getBoolean(16), row.getString(17), row.getBoolean(21), row.getLong(18),
                row.getObject(19, OffsetDateTime.class).toInstant(), row.getObject(20, OffsetDateTime.class).toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
