package jp.jukiflow.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Common Japanese family and given names with their readings in katakana, for demo residents. Hand-written
 * tables: they must pair each name with its correct reading, which a random generator does not.
 */
final class JapaneseNames {

    record Name(String kanji, String kana) {
    }

    static final List<Name> FAMILY = List.of(
            n("佐藤", "サトウ"), n("鈴木", "スズキ"), n("高橋", "タカハシ"), n("田中", "タナカ"), n("伊藤", "イトウ"),
            n("渡辺", "ワタナベ"), n("山本", "ヤマモト"), n("中村", "ナカムラ"), n("小林", "コバヤシ"), n("加藤", "カトウ"),
            n("吉田", "ヨシダ"), n("山田", "ヤマダ"), n("佐々木", "ササキ"), n("山口", "ヤマグチ"), n("松本", "マツモト"),
            n("井上", "イノウエ"), n("木村", "キムラ"), n("林", "ハヤシ"), n("斎藤", "サイトウ"), n("清水", "シミズ"),
            n("山崎", "ヤマザキ"), n("森", "モリ"), n("池田", "イケダ"), n("橋本", "ハシモト"), n("阿部", "アベ"),
            n("石川", "イシカワ"), n("山下", "ヤマシタ"), n("中島", "ナカジマ"), n("石井", "イシイ"), n("小川", "オガワ"),
            n("前田", "マエダ"), n("岡田", "オカダ"), n("長谷川", "ハセガワ"), n("藤田", "フジタ"), n("後藤", "ゴトウ"),
            n("近藤", "コンドウ"), n("村上", "ムラカミ"), n("遠藤", "エンドウ"), n("青木", "アオキ"), n("坂本", "サカモト"),
            n("工藤", "クドウ"), n("菊地", "キクチ"), n("成田", "ナリタ"), n("三上", "ミカミ"), n("今井", "イマイ"),
            n("佐野", "サノ"), n("大野", "オオノ"), n("千葉", "チバ"), n("奥山", "オクヤマ"), n("能登", "ノト"));

    static final List<Name> MALE = List.of(
            n("翔太", "ショウタ"), n("大輔", "ダイスケ"), n("健太", "ケンタ"), n("拓也", "タクヤ"), n("誠", "マコト"),
            n("浩", "ヒロシ"), n("隆", "タカシ"), n("修", "オサム"), n("茂", "シゲル"), n("勇", "イサム"),
            n("博", "ヒロシ"), n("和夫", "カズオ"), n("正男", "マサオ"), n("清", "キヨシ"), n("哲也", "テツヤ"),
            n("直樹", "ナオキ"), n("達也", "タツヤ"), n("亮", "リョウ"), n("蓮", "レン"), n("陽翔", "ハルト"),
            n("悠真", "ユウマ"), n("湊", "ミナト"), n("大和", "ヤマト"), n("陸", "リク"), n("颯太", "ソウタ"),
            n("一郎", "イチロウ"), n("健一", "ケンイチ"), n("信夫", "ノブオ"), n("昭", "アキラ"), n("悟", "サトル"));

    static final List<Name> FEMALE = List.of(
            n("陽子", "ヨウコ"), n("恵子", "ケイコ"), n("幸子", "サチコ"), n("和子", "カズコ"), n("洋子", "ヨウコ"),
            n("美智子", "ミチコ"), n("久美子", "クミコ"), n("裕子", "ユウコ"), n("直美", "ナオミ"), n("由美", "ユミ"),
            n("真由美", "マユミ"), n("智子", "トモコ"), n("愛", "アイ"), n("彩", "アヤ"), n("美咲", "ミサキ"),
            n("さくら", "サクラ"), n("陽菜", "ヒナ"), n("結衣", "ユイ"), n("葵", "アオイ"), n("凛", "リン"),
            n("芽依", "メイ"), n("結菜", "ユイナ"), n("花子", "ハナコ"), n("節子", "セツコ"), n("トメ", "トメ"),
            n("春香", "ハルカ"), n("千尋", "チヒロ"), n("明美", "アケミ"), n("典子", "ノリコ"), n("紀子", "ノリコ"));

    /** Foreign residents are written in katakana (family name first) in the demo register. */
    static final List<Name[]> FOREIGN = List.<Name[]>of(
            new Name[]{n("グエン", "グエン"), n("ヴァン　アン", "ヴァン　アン")},
            new Name[]{n("チャン", "チャン"), n("ティ　ホア", "ティ　ホア")},
            new Name[]{n("王", "ワン"), n("芳", "ファン")},
            new Name[]{n("スミス", "スミス"), n("ジョン", "ジョン")},
            new Name[]{n("サントス", "サントス"), n("マリア", "マリア")});

    private JapaneseNames() {
    }

    static Name pick(List<Name> names, RandomGenerator random) {
        return names.get(random.nextInt(names.size()));
    }

    private static Name n(String kanji, String kana) {
        return new Name(kanji, kana);
    }
}
