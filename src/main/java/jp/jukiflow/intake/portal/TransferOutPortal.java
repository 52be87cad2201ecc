package jp.jukiflow.intake.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jp.jukiflow.intake.api.UploadedFiles;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.FieldError;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.InvalidTransferOutRequest;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutIntake;
import jp.jukiflow.transferout.TransferOutRequestValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * The resident portal's mailed special transfer-out (郵送による特例転出届): a plain HTML form that works without
 * JavaScript, with the card and ID copies as uploads. A one-time token, made when the form is shown, is the
 * submission's source reference, so a double click or a browser retry gives the first case back instead of a second.
 */
@Controller
@RequestMapping("/portal")
class TransferOutPortal {

    static final String ADD_ROWS = "add-rows";
    static final String TOKEN = "submissionToken";
    /** The file inputs, and the word put before each file name so that the clerk sees what the copy is. */
    static final List<FileInput> FILE_INPUTS = List.of(new FileInput("cardCopy", "カードの写し"),
            new FileInput("idCopy", "本人確認書類"), new FileInput("otherDocuments", "その他の書類"));
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    record FileInput(String name, String label) {
    }

    private final MunicipalityDirectory municipalities;
    private final TransferOutIntake intake;
    private final Clock clock;
    private final TransferOutRequestValidator validator;
    private final int acceptDaysBefore;
    private final int acceptDaysAfterMove;

    TransferOutPortal(MunicipalityDirectory municipalities, TransferOutIntake intake, Clock clock,
                      @Value("${jukiflow.transfer-out.accept-days-before:14}") int acceptDaysBefore,
                      @Value("${jukiflow.transfer-out.accept-days-after-move:14}") int acceptDaysAfterMove) {
        this.municipalities = municipalities;
        this.intake = intake;
        this.clock = clock;
        this.validator = new TransferOutRequestValidator(acceptDaysBefore);
        this.acceptDaysBefore = acceptDaysBefore;
        this.acceptDaysAfterMove = acceptDaysAfterMove;
    }

    /** The portal's index: each municipality's form, and the way to follow a request. */
    @GetMapping({"", "/"})
    ModelAndView index() {
        ModelAndView view = new ModelAndView("portal/index");
        view.addObject("municipalities", municipalities.all().stream().filter(TransferOutPortal::acceptsByMail).toList());
        return view;
    }

    @GetMapping("/{code}/transfer-out")
    ModelAndView form(@PathVariable String code, @RequestParam(required = false) String rows) {
        Municipality municipality = municipality(code);
        return page(new TransferOutPage(municipality, TransferOutEntry.blank(), rows(rows), newToken()), HttpStatus.OK);
    }

    @PostMapping("/{code}/transfer-out")
    ModelAndView submit(@PathVariable String code, HttpServletRequest request) {
        Municipality municipality = municipality(code);
        TransferOutEntry entry = TransferOutEntry.read(request::getParameter);
        String token = token(request.getParameter(TOKEN));
        int rows = Math.max(rows(request.getParameter("rows")), entry.filledRows());
        List<ChosenFile> files = chosenFiles(request);

        if (ADD_ROWS.equals(request.getParameter("action"))) {
            int more = Math.min(rows + TransferOutEntry.ROWS_PER_ADD, TransferOutEntry.MAX_ROWS);
            TransferOutPage page = new TransferOutPage(municipality, entry, more, token)
                    .withFilesDropped(!files.isEmpty());
            if (more > rows) {
                page.withAutofocus(TransferOutEntry.mover(rows, "name"));
            }
            return page(page, HttpStatus.OK);
        }

        List<FieldError> portalErrors = new ArrayList<>();
        List<Attachment> attachments = UploadedFiles.read(files.stream().map(ChosenFile::file).toList(), portalErrors);
        if (entry.cardHolderOnBlankRow() && entry.filledRows() > 0) {
            portalErrors.add(new FieldError(TransferOutEntry.CARD_HOLDER, "CARD_HOLDER_ROW_BLANK",
                    "カードを持つ異動者として選んだ欄が空欄です。カードを持つ人の番号を選び直してください。"));
        }
        if (!portalErrors.isEmpty()) {
            // show the form's own errors too, all at once, without filing anything
            List<FieldError> all = new ArrayList<>(formErrors(municipality, entry));
            all.addAll(portalErrors);
            return invalid(municipality, entry, rows, token, all, !files.isEmpty());
        }
        try {
            Receipt receipt = intake.submit(municipality.code().value(), entry.toForm(), IntakeChannel.WEB,
                    named(attachments, files), null, "portal:" + token);
            return received(municipality, entry, receipt, attachments.size());
        } catch (InvalidTransferOutRequest e) {
            return invalid(municipality, entry, rows, token, e.errors(), !files.isEmpty());
        }
    }

    private ModelAndView invalid(Municipality municipality, TransferOutEntry entry, int rows, String token,
                                 List<FieldError> errors, boolean filesDropped) {
        TransferOutPage page = new TransferOutPage(municipality, entry, rows, token).withErrors(errors)
                .withFilesDropped(filesDropped);
        return page(page, HttpStatus.BAD_REQUEST);
    }

    private ModelAndView page(TransferOutPage page, HttpStatus status) {
        ModelAndView view = new ModelAndView("portal/transfer-out", status);
        view.addObject("page", page);
        view.addObject("acceptDaysBefore", acceptDaysBefore);
        view.addObject("acceptDaysAfterMove", acceptDaysAfterMove);
        return view;
    }

    private ModelAndView received(Municipality municipality, TransferOutEntry entry, Receipt receipt, int attachments) {
        ModelAndView view = new ModelAndView("portal/transfer-out-received", HttpStatus.OK);
        view.addObject("municipality", municipality);
        view.addObject("receipt", receipt);
        view.addObject("filerName", entry.value("filer.name"));
        view.addObject("plannedMoveOutDate", entry.value("plannedMoveOutDate"));
        view.addObject("destination", destination(entry.value("newAddress.municipalityCode")));
        view.addObject("movers", entry.filledRows());
        view.addObject("email", entry.value("email"));
        view.addObject("attachments", attachments);
        return view;
    }

    private List<FieldError> formErrors(Municipality municipality, TransferOutEntry entry) {
        try {
            validator.validate(entry.toForm(), LocalDate.now(clock.withZone(JAPAN)), municipality.code());
            return List.of();
        } catch (InvalidTransferOutRequest e) {
            return e.errors();
        }
    }

    private String destination(String code) {
        if (code == null) {
            return "国外";
        }
        LocalGovernmentCode destination = LocalGovernmentCode.of(code);
        return municipalities.find(destination).map(m -> m.prefecture() + m.name())
                .orElse("団体コード " + destination.value() + " の市区町村");
    }

    /** The municipality of the URL, or a Japanese 404 for a malformed or unknown code. */
    private Municipality municipality(String code) {
        String shown = code.length() > 20 ? code.substring(0, 20) + "…" : code;
        try {
            return municipalities.find(LocalGovernmentCode.of(code)).filter(TransferOutPortal::acceptsByMail)
                    .orElseThrow(() -> new PortalNotFound("団体コード " + shown + " の市区町村の届出は、このサイトでは受け付けていません。"));
        } catch (DomainRuleViolation e) {
            throw new PortalNotFound("「" + shown + "」は正しい団体コード（6桁）ではありません。");
        }
    }

    private static boolean acceptsByMail(Municipality m) {
        return m.offices().stream().anyMatch(o -> o.accepts(Procedure.TRANSFER_OUT_BY_MAIL));
    }

    static int rows(String rows) {
        try {
            int n = rows == null ? TransferOutEntry.DEFAULT_ROWS : Integer.parseInt(rows.strip());
            return Math.min(Math.max(n, TransferOutEntry.DEFAULT_ROWS), TransferOutEntry.MAX_ROWS);
        } catch (NumberFormatException e) {
            return TransferOutEntry.DEFAULT_ROWS;
        }
    }

    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token the form carried; a missing or forged-looking one is replaced (that submission is then not deduplicated). */
    private static String token(String posted) {
        return posted != null && TOKEN_FORMAT.matcher(posted).matches() ? posted : newToken();
    }

    private record ChosenFile(FileInput input, MultipartFile file) {
    }

    /** The files chosen in the form's file inputs, in their order; empty inputs (and empty files) are ignored, as {@link UploadedFiles} does. */
    private static List<ChosenFile> chosenFiles(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return List.of();
        }
        List<ChosenFile> chosen = new ArrayList<>();
        for (FileInput input : FILE_INPUTS) {
            multipart.getFiles(input.name()).stream()
                    .filter(f -> !f.isEmpty())
                    .forEach(f -> chosen.add(new ChosenFile(input, f)));
        }
        return chosen;
    }

    /** The checked files under a name that says what they are: 「カードの写し_scan.pdf」. */
    private static List<Attachment> named(List<Attachment> attachments, List<ChosenFile> files) {
        List<Attachment> named = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            named.add(new Attachment(files.get(i).input().label() + "_" + UploadedFiles.safeFileName(a.fileName()), a.contentType(), a.content()));
        }
        return named;
    }

}
