package jp.jukiflow.support;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;

/**
 * The municipalities the tests speak of, by 全国地方公共団体コード, and the demo users of the two demo towns (password =
 * user name, see the demo profile). 奥尻町 and 函館市 are served by the application; 札幌市 and 千代田区 only appear as
 * other municipalities (a card managed elsewhere, a home that cannot be reached).
 */
public final class Towns {

    /** 奥尻町 (北海道): the town people move out of in most tests. */
    public static final String OKUSHIRI = "013676";
    /** 函館市 (北海道): the town people move into. */
    public static final String HAKODATE = "012025";
    /** 札幌市 (北海道): a municipality this deployment does not serve. */
    public static final String SAPPORO = "011002";
    /** 千代田区 (東京都): a municipality this deployment does not serve. */
    public static final String CHIYODA = "131016";

    public static final String OKUSHIRI_CLERK = "okushiri-clerk";
    public static final String HAKODATE_CLERK = "hakodate-clerk";
    public static final String OKUSHIRI_MANAGER = "okushiri-manager";
    public static final String HAKODATE_MANAGER = "hakodate-manager";

    private Towns() {
    }

    /** The demo clerk of a demo town as MockMvc's user, in group {@code <town>-clerks} of tenant {@code <town>}. */
    public static UserRequestPostProcessor asClerk(String town) {
        return SecurityMockMvcRequestPostProcessors.user(clerkOf(town))
                .authorities(() -> "GROUP_" + town + "-clerks", () -> "TENANT_" + town);
    }

    /** The demo clerk of a demo town ({@code okushiri-clerk} for {@link #OKUSHIRI}). */
    public static String clerkOf(String town) {
        return switch (town) {
            case OKUSHIRI -> OKUSHIRI_CLERK;
            case HAKODATE -> HAKODATE_CLERK;
            default -> throw new IllegalArgumentException("no demo clerk in " + town);
        };
    }
}
