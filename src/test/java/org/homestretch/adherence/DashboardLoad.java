package org.homestretch.adherence;

import org.springframework.beans.factory.BeanFactory;

import java.util.Set;

/**
 * What the adherence dashboard asks for when it opens ("My patients", no reason filter): the
 * count, then the first page of rows. For the load run, which calls it under a therapist's
 * security context because the Vaadin view itself is not driven over plain HTTP.
 */
public final class DashboardLoad {

    private static final int FIRST_PAGE = 50;

    private DashboardLoad() {
    }

    /** Answers the number of rows on the first page (and fails if it exceeds the count). */
    public static int firstPage(BeanFactory context) {
        AdherenceService adherence = context.getBean(AdherenceService.class);
        AdherenceService.DashboardQuery mine = new AdherenceService.DashboardQuery(true, Set.of());
        int count = adherence.count(mine);
        int rows = adherence.page(mine, 0, FIRST_PAGE).size();
        if (rows > count) {
            throw new IllegalStateException("The first page has " + rows + " rows of " + count);
        }
        return rows;
    }
}
