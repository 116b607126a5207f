package org.homestretch.audit;

import org.homestretch.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;

/** The audit verifier on any database, e.g. one a backup was restored into (no Spring context there). */
public final class AuditChains {

    private AuditChains() {
    }

    public static List<AuditVerifier.Result> verifyAll(DataSource dataSource) {
        return new AuditVerifier(new AuditRepository(JdbcClient.create(dataSource)), new CurrentUser()).verifyAllClinics();
    }
}
