package jp.jukiflow.security;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Japanese Tasklist filters exist, a clerk may read them, and their expressions evaluate. */
@JukiflowTest
class TasklistFiltersTest {

    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void logout() {
        identityService.clearAuthentication();
    }

    @Test
    void clerkSeesTheThreeJapaneseFiltersAndEachOneRuns() {
        identityService.setAuthentication("okushiri-clerk", List.of("013676-clerks"), List.of(OKUSHIRI));
        List<Filter> filters = filterService.createFilterQuery().list();
        assertThat(filters).extracting(Filter::getName)
                .containsExactlyInAnyOrder("自分のタスク", "係のタスク", "期限が近いタスク");
        for (Filter filter : filters) {
            // each task in the list shows the case's 受付番号, 氏名 and 受付日
            assertThat(filter.getProperties().get("variables")).asList().extracting("name", "label").containsExactly(
                    org.assertj.core.groups.Tuple.tuple("caseNumber", "受付番号"),
                    org.assertj.core.groups.Tuple.tuple("caseName", "氏名"),
                    org.assertj.core.groups.Tuple.tuple("caseReceivedOn", "受付日"));
            assertThat(filterService.count(filter.getId())).isNotNull();
            assertThat(filterService.list(filter.getId())).isNotNull();
        }
    }

    @Test
    void aUserWithoutGroupsSeesNoFilters() {
        identityService.setAuthentication("nobody", List.of(), List.of());
        assertThat(filterService.createFilterQuery().list()).isEmpty();
    }
}
