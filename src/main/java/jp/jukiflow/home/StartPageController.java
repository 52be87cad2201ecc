package jp.jukiflow.home;

import java.util.Comparator;
import java.util.List;

import jp.jukiflow.municipality.MunicipalityDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Japanese start page: what jukiflow is and where each kind of user goes. */
@Controller
class StartPageController {

    private final MunicipalityDirectory municipalities;
    private final List<StartLink> links;

    StartPageController(MunicipalityDirectory municipalities, List<StartLink> links) {
        this.municipalities = municipalities;
        this.links = links.stream().sorted(Comparator.comparingInt(StartLink::order)).toList();
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("links", links);
        return "home/index";
    }

    @GetMapping("/login")
    String login() {
        return "home/login";
    }
}
