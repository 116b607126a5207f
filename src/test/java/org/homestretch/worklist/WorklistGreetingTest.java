package org.homestretch.worklist;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class WorklistGreetingTest {

    @Test
    void greets_by_time_of_day() {
        assertThat(WorklistView.greeting(LocalTime.of(7, 30))).isEqualTo("Good morning");
        assertThat(WorklistView.greeting(LocalTime.NOON)).isEqualTo("Good afternoon");
        assertThat(WorklistView.greeting(LocalTime.of(18, 0))).isEqualTo("Good evening");
    }
}
