package jp.jukiflow.demo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Real district names of the two demo municipalities, to build plausible addresses. */
final class DemoTowns {

    record Town(String prefix, String postalCode, List<String> districts, boolean chome) {

        String address(RandomGenerator random) {
            String district = districts.get(random.nextInt(districts.size()));
            return chome
                    ? prefix + district + (1 + random.nextInt(5)) + "丁目" + (1 + random.nextInt(30)) + "番"
                      + (1 + random.nextInt(20)) + "号"
                    : prefix + district + (1 + random.nextInt(600)) + "番地";
        }
    }

    /** 奥尻町 uses 字 and 番地; 函館市 mostly 丁目・番・号. Postal codes are the municipality-wide ones. */
    static final Map<String, Town> TOWNS = Map.of(
            "013676", new Town("北海道奥尻郡奥尻町", "043-1400",
                    List.of("字奥尻", "字青苗", "字米岡", "字赤石", "字湯浜", "字松江", "字球浦", "字稲穂", "字宮津",
                            "字富里", "字初松前"), false),
            "012025", new Town("北海道函館市", "040-0000",
                    List.of("五稜郭町", "本町", "梁川町", "湯川町", "美原", "昭和", "石川町", "桔梗町", "末広町", "元町",
                            "大手町", "若松町", "亀田本町", "港町", "北美原", "富岡町", "中島町", "松風町", "千代台町",
                            "宝来町", "弥生町", "青柳町", "住吉町", "日吉町", "花園町", "深堀町", "戸倉町", "神山"), true));

    private DemoTowns() {
    }

    static Town of(String municipalityCode) {
        Town town = TOWNS.get(municipalityCode);
        if (town == null) {
            throw new IllegalArgumentException("No demo town data for " + municipalityCode);
        }
        return town;
    }
}
