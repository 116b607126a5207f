package org.homestretch.base;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class HomeViewGreetingTest {

    @Test
    void greets_by_time_of_day() {
        assertThat(HomeView.greeting(LocalTime.of(7, 30))).isEqualTo("Good morning");
        assertThat(HomeView.greeting(LocalTime.NOON)).isEqualTo("Good afternoon");
        assertThat(HomeView.greeting(LocalTime.of(18, 0))).isEqualTo("Good evening");
    }
}
