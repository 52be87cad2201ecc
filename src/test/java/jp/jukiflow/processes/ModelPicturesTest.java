package jp.jukiflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in processes/ has its picture in docs/pictures/, drawn from the model as it is now: the picture's first
 * comment ({@code <!-- model: processes/x.bpmn sha256: … -->}, written by tools/render-pictures.mjs) records the SHA-256
 * of the model file it was drawn from. Reads files only; re-rendering is a person's step (node is not needed here).
 */
class ModelPicturesTest {

    static final Path MODELS = Path.of("processes");
    static final Path PICTURES = Path.of("docs", "pictures");
    static final String RENDER = "node tools/render-pictures.mjs";
    private static final Pattern ORIGIN = Pattern.compile("<!-- model: (\\S+) sha256: ([0-9a-f]{64}) -->");

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).sorted().toList();
        }
    }

    @Test
    void thereAreModelsToPicture() throws IOException {
        assertThat(models()).as("models in %s", MODELS.toAbsolutePath()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void pictureIsDrawnFromTheModelAsItIs(Path model) throws IOException {
        Path picture = pictureOf(model);
        assertThat(picture).as("%s has no picture %s: run `%s`", model, picture, RENDER).isRegularFile();
        Matcher origin = origin(picture).orElseThrow(() -> new AssertionError(picture
                + " does not name the model it was drawn from: run `" + RENDER + "`"));
        assertThat(origin.group(1)).as("the model named by %s", picture).isEqualTo(MODELS.resolve(model.getFileName())
                .toString().replace('\\', '/'));
        assertThat(origin.group(2)).as("%s is stale: it was drawn from another version of %s; run `%s` and commit "
                + "the pictures", picture, model, RENDER).isEqualTo(sha256(Files.readAllBytes(model)));
    }

    @Test
    void everyPictureHasItsModel() throws IOException {
        List<String> models = models().stream().map(ModelPicturesTest::pictureOf).map(Path::toString).toList();
        try (Stream<Path> pictures = Files.list(PICTURES)) {
            assertThat(pictures.filter(p -> p.toString().endsWith(".svg")).map(Path::toString))
                    .as("pictures of models that are no longer in %s (delete them)", MODELS).isSubsetOf(models);
        }
    }

    static Path pictureOf(Path model) {
        return PICTURES.resolve(model.getFileName().toString().replaceFirst("\\.(bpmn|dmn)$", ".svg"));
    }

    /** The origin comment, looked for in the picture's first lines only (the rest is the drawing). */
    private static Optional<Matcher> origin(Path picture) throws IOException {
        try (Stream<String> lines = Files.lines(picture, StandardCharsets.UTF_8)) {
            return lines.limit(3).map(ORIGIN::matcher).filter(Matcher::find).findFirst();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
