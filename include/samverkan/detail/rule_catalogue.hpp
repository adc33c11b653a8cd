// The rule catalogue's data: one entry per rule id of the specification (docs/rules.md explains the fields),
// then the wording of every kind of ruling step and of the fact values that read differently, in both languages.
#pragma once

#include <array>

#include <samverkan/rule_info.hpp>

namespace samverkan::detail {

/// Every rule of domain.md, in its order: id, title, statement, source, quote, law, title_sv, statement_sv.
inline constexpr std::array<rule_info, 51> rule_catalogue{{
    {"STR-1", "Preparation of the samråd's matters",
     "LGS, the LGS beredning/styrgrupp and the samråd's presidium prepare (bereder) the matters of the politiskt "
     "samråd. The 2016 \"LGS Beredningsgrupp\" and the 2026 \"LGS styrgrupp\" are the same body under two names.",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer",
     "Beredning av ärenden till politiska samrådets möten ska ske i samarbete mellan ledningsgruppen (LGS), LGS "
     "Beredningsgrupp och presidiet för politiska samrådet.",
     "", "Beredning av samrådets ärenden",
     "LGS, LGS beredningsgrupp/styrgrupp och samrådets presidium bereder ärendena till det politiska samrådet. "
     "2016 års ”LGS Beredningsgrupp” och 2026 års ”LGS styrgrupp” är samma organ under två namn."},
    {"STR-2", "The LGS styrgrupp prepares matters for LGS",
     "The LGS styrgrupp (LGS chair, vice chair, two more members and the process leaders) prepares matters for "
     "LGS.",
     "000_0c90336592e424b9.txt § Strategisk nivå",
     "LGS styrgrupp – förbereder ärenden till LGS. Består av LGS ordförande, vice ordförande samt ytterligare två "
     "ledamöter och processledare.",
     "", "LGS styrgrupp bereder ärenden till LGS",
     "LGS styrgrupp (LGS ordförande och vice ordförande, ytterligare två ledamöter samt processledarna) bereder "
     "ärenden till LGS."},
    {"STR-3", "LGS decides and follows up the handlingsplan",
     "LGS decides the övergripande handlingsplan and follows it up yearly.",
     "000_0c90336592e424b9.txt § INLEDNING; 000_0c90336592e424b9.txt § Strategisk nivå",
     "Ledningsgruppen för samverkan (LGS) – består av förvaltningschefer eller motsvarande från kommuner och "
     "region. Ansvarar för strategisk inriktning och beslutar om handlingsplan.",
     "", "LGS beslutar om och följer upp handlingsplanen",
     "LGS beslutar om den övergripande handlingsplanen och följer upp den årligen."},
    {"STR-4", "Temagrupper and NOSAM work under LGS",
     "The temagrupper and närområdessamverkan (NOSAM) work under LGS and contribute to the handlingsplan.",
     "000_0c90336592e424b9.txt § Operativ nivå",
     "Temagrupper – fyra grupper med ansvar för barn och unga, psykiatri, rehabilitering/habilitering och äldre. "
     "Arbetar med utveckling inom respektive område och bidrar till genomförandet av handlingsplanen.",
     "", "Temagrupperna och NOSAM arbetar under LGS",
     "Temagrupperna och närområdessamverkan (NOSAM) arbetar under LGS och bidrar till handlingsplanen."},
    {"STR-5", "LGS may set up arbetsgrupper", "LGS may set up arbetsgrupper for special assignments.",
     "000_0c90336592e424b9.txt § Stödfunktioner", "Arbetsgrupper – kan tillsättas av LGS för särskilda uppdrag.", "",
     "LGS får tillsätta arbetsgrupper", "LGS får tillsätta arbetsgrupper för särskilda uppdrag."},
    {"STR-6", "Support functions",
     "Samverkanskontoret supports the whole structure; the LGS process leaders administer the samråd's meetings.",
     "003_324ab1002b074ef9.txt § Stödfunktion; 000_0c90336592e424b9.txt § Stödfunktioner",
     "LGS processledare administrerar politiska samrådets möten.", "", "Stödfunktioner",
     "Samverkanskontoret stöder hela samverkansstrukturen; LGS processledare administrerar samrådets sammanträden."},
    {"STR-7", "The samråd follows up and reports back",
     "The samråd follows up the work against the samverkansplan and reports back to each represented "
     "nämnd/styrelse.",
     "003_324ab1002b074ef9.txt § Politiska samrådet ska",
     "Följa upp vårdsamverkans arbete utifrån Samverkansplan samt återrapportera till respektive nämnder och "
     "styrelser.",
     "", "Samrådet följer upp och återrapporterar",
     "Samrådet följer upp arbetet utifrån samverkansplanen och återrapporterar till varje representerad "
     "nämnd/styrelse."},
    {"STR-8", "Questions from LGS officials go up to the samråd",
     "Questions raised by officials in LGS go up to the samråd, which is their recipient.",
     "003_324ab1002b074ef9.txt § Bakgrund",
     "Det behövs mottagare för uppkomna frågeställningar från tjänstemännen i ledningsgruppen inom Kommun och "
     "sjukvård – Samverkan i Göteborgsområdet.",
     "", "Frågor från tjänstepersonerna i LGS lyfts till samrådet",
     "Frågor som väcks av tjänstepersoner i LGS lyfts till samrådet, som är mottagare för dem."},
    {"STR-9", "Members carry information both ways (förankring)",
     "Every member carries information both ways between the forum and its home organisation (förankring).",
     "000_0c90336592e424b9.txt § Roller och ansvar; 003_324ab1002b074ef9.txt § Kommunikation",
     "Deltagarna i politiska samrådet ansvarar för information och förankring till sina respektive "
     "hemorganisationer.",
     "", "Ledamöterna för information åt båda håll (förankring)",
     "Varje ledamot för information åt båda håll mellan forumet och sin hemorganisation (förankring)."},
    {"CMP-1", "Each VGR body sends its chair and a substitute",
     "Each of the eight VGR bodies is represented by two elected members: its chair as ordinary member "
     "(ordinarie) and one member of its presidium as substitute (ersättare).",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning",
     "De politiska organen representeras av ordförande från berörda nämnder och styrelser som ordinarie "
     "representant samt ersättare från presidiet med närvaro- och yttranderätt.",
     "", "Varje VGR-organ representeras av sin ordförande och en ersättare",
     "Vart och ett av VGR:s åtta politiska organ representeras av två förtroendevalda: sin ordförande som ordinarie "
     "ledamot och en ledamot ur sitt presidium som ersättare."},
    {"CMP-2", "Municipalities: 11 representatives, 4 substitutes",
     "The municipalities are represented by 11 representatives, of whom 4 are substitutes, so 7 ordinary. The "
     "sources do not say how they spread over the five municipalities; default: Göteborg 3 ordinary + 0 "
     "substitutes, Mölndal, Härryda, Partille and Öckerö 1 ordinary + 1 substitute each. Parameter: the seat list "
     "per party.",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning",
     "Kommunerna företräds av 11 representanter varav fyra ersättare.", "",
     "Kommunerna: 11 representanter, varav 4 ersättare",
     "Kommunerna företräds av 11 representanter, varav 4 ersättare, alltså 7 ordinarie. Källorna anger inte hur de "
     "fördelas mellan de fem kommunerna; som standard Göteborg 3 ordinarie och 0 ersättare samt Mölndal, Härryda, "
     "Partille och Öckerö 1 ordinarie och 1 ersättare vardera. Parameter: platslistan per part."},
    {"CMP-3", "Default totals: 27 seats, 15 ordinary, 12 substitutes",
     "With the default seat lists the samråd has 27 representatives: 15 ordinary seats and 12 substitutes.",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning",
     "Kommunerna företräds av 11 representanter varav fyra ersättare. De politiska organen inom Västra "
     "Götalandsregionen företräds av två förtroendevalda vardera.",
     "", "Standardfördelning: 27 platser, varav 15 ordinarie och 12 ersättare",
     "Med standardfördelningen av platser har samrådet 27 representanter: 15 ordinarie platser och 12 ersättare."},
    {"CMP-4", "Substitutes may always attend and speak",
     "Substitutes always have the right to attend and to speak (närvaro- och yttranderätt).",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning",
     "De politiska organen representeras av ordförande från berörda nämnder och styrelser som ordinarie "
     "representant samt ersättare från presidiet med närvaro- och yttranderätt.",
     "", "Ersättare har alltid närvaro- och yttranderätt",
     "Ersättare har alltid rätt att närvara och att yttra sig (närvaro- och yttranderätt)."},
    {"CMP-5", "The samråd elects its chair and vice chair",
     "The chair and vice chair are elected by the samråd from among its members: each holds an ordinary seat of "
     "the forum, and they are two different seats.",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer",
     "Politiska samrådet utser inom sig ordförande och vice ordförande.", "",
     "Samrådet utser ordförande och vice ordförande",
     "Ordförande och vice ordförande utses av samrådet bland dess ledamöter: var och en har en ordinarie plats i "
     "forumet, och de är två olika platser."},
    {"QRM-1", "Kommunallagen applies by analogy",
     "Kommunallagen's rules for nämnder apply to the samråd's meetings \"i tillämpliga delar\": by analogy, so "
     "every rule taken from the law is a default that a ruleset can override.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande",
     "Vid politiska samrådsmöten ska kommunallagens bestämmelser om nämnder gälla i tillämpliga delar.",
     "kommunallagen (2017:725)", "Kommunallagen tillämpas analogt",
     "Kommunallagens bestämmelser om nämnder gäller för samrådets sammanträden ”i tillämpliga delar”, det vill säga "
     "analogt. Varje regel som hämtas från lagen är därför ett standardval som ett regelverk kan frångå."},
    {"QRM-2", "A substitute serves for an ordinary member of its body",
     "A substitute serves (tjänstgör) in place of an absent or disqualified ordinary member of the same body (a "
     "VGR body, or a municipality as a whole), with the full rights of that member for the item; when several "
     "could serve, the ruleset's order decides. Parameter `substitution_scope` (`same_body` default; "
     "`same_party`; `same_side`). Under `same_party` or `same_side` a body's own substitutes come first; only "
     "then the others in the scope, in the ruleset's order.",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning; 003_324ab1002b074ef9.txt § Kallelse, "
     "mötesanteckningar, ställningstagande (QRM-1)",
     "", "", "En ersättare tjänstgör för en ordinarie ledamot från samma organ",
     "En ersättare tjänstgör i stället för en frånvarande eller jävig ordinarie ledamot från samma organ (ett "
     "VGR-organ, eller en kommun som helhet) och har då den ordinarie ledamotens fulla rättigheter i ärendet; när "
     "flera ersättare kan tjänstgöra avgör regelverkets turordning. Parameter `substitution_scope` (`same_body` som "
     "standard; `same_party`; `same_side`). Med `same_party` eller `same_side` går organets egna ersättare först; "
     "först därefter de övriga inom kretsen, i regelverkets turordning."},
    {"QRM-3", "Quorum: more than half of the ordinary seats",
     "An item may be dealt with only when more than half of the ordinary seats are filled by serving members "
     "present (default 15 ordinary seats, so at least 8). Parameter `quorum` (`more_than_half` default; "
     "`two_thirds`; an explicit count; optionally `both_sides_present`: at least one serving member from the "
     "municipalities and one from the region).",
     "kommunallagen (2017:725) 6 kap. 27 §; 003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, "
     "ställningstagande (QRM-1)",
     "", "kommunallagen 6 kap. 27 §", "Beslutförhet: mer än hälften av de ordinarie platserna",
     "Ett ärende får behandlas endast när mer än hälften av de ordinarie platserna är besatta av närvarande "
     "tjänstgörande ledamöter (som standard 15 ordinarie platser, alltså minst 8). Parameter `quorum` "
     "(`more_than_half` som standard; `two_thirds`; ett angivet antal; dessutom valfritt `both_sides_present`: "
     "minst en tjänstgörande ledamot från kommunerna och en från regionen)."},
    {"QRM-4", "A disqualified member leaves for the item",
     "A member who is disqualified (jävig) in an item leaves for that item: not counted for quorum or consensus, "
     "and a substitute of the same body may serve for that item. The member returns at the next item.",
     "kommunallagen (2017:725) 6 kap. 28 §; 003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, "
     "ställningstagande (QRM-1)",
     "", "kommunallagen 6 kap. 28 §", "En jävig ledamot deltar inte i ärendet",
     "En ledamot som är jävig i ett ärende lämnar sammanträdet under det ärendet: ledamoten räknas inte in vid "
     "beslutförhet eller enighet, och en ersättare från samma organ får tjänstgöra i ärendet. Ledamoten "
     "återinträder vid nästa ärende."},
    {"QRM-5", "Attendance is evaluated per agenda item",
     "Attendance is evaluated per agenda item and seats change only between items: a late ordinary member takes "
     "the seat back from the substitute at the next item, a serving substitute is not displaced by another "
     "substitute of the same body (under `same_party` or `same_side`, a substitute of the absent member's own body "
     "who arrives later takes over at the next item from a substitute of another body), and a member who leaves "
     "for a reason other than jäv does not serve again at that meeting.",
     "municipal standing-rules practice under kommunallagen (2017:725); 003_324ab1002b074ef9.txt § Kallelse, "
     "mötesanteckningar, ställningstagande (QRM-1)",
     "", "", "Närvaron bedöms för varje ärende",
     "Närvaron bedöms för varje punkt på dagordningen och tjänstgöringen kan bara ändras mellan ärendena: en "
     "ordinarie ledamot som kommer sent tar tillbaka sin plats från ersättaren vid nästa ärende, en tjänstgörande "
     "ersättare ersätts inte av en annan ersättare från samma organ (med `same_party` eller `same_side` tar en "
     "ersättare från den frånvarandes eget organ som kommer senare över vid nästa ärende från en ersättare från ett "
     "annat organ), och en ledamot som lämnar sammanträdet av annat skäl än jäv tjänstgör inte igen vid det "
     "sammanträdet."},
    {"QRM-6", "Who presides",
     "The chair presides; when absent, the vice chair; when both are absent, the eldest present serving ordinary "
     "member. Parameter `presiding_fallback` (`eldest` default; `longest_serving_then_eldest`); a substitute may "
     "not preside unless `substitute_may_preside`. When the data the fallback needs (birth dates, tenure) is "
     "missing, quorum and outcome are still decided and the ruling names the missing data and the candidates as "
     "unknowns. When nobody present may preside, the item is not dealt with.",
     "committee charter practice under kommunallagen (2017:725); 003_324ab1002b074ef9.txt § Kallelse, "
     "mötesanteckningar, ställningstagande (QRM-1)",
     "", "", "Vem som leder sammanträdet",
     "Ordföranden leder sammanträdet; vid ordförandens frånvaro vice ordföranden; om båda är frånvarande den till "
     "åldern äldsta närvarande tjänstgörande ordinarie ledamoten. Parameter `presiding_fallback` (`eldest` som "
     "standard; `longest_serving_then_eldest`); en ersättare får inte leda sammanträdet om inte "
     "`substitute_may_preside` gäller. Saknas de uppgifter som regeln kräver (födelsedatum, tid som ledamot) avgörs "
     "ändå beslutförhet och utfall, och avgörandet anger vad som saknas och vilka som kan komma i fråga. Får ingen "
     "närvarande leda sammanträdet behandlas ärendet inte."},
    {"QRM-7", "Remote participation counts as presence",
     "Remote participation counts as presence when the ruleset allows it (`remote.allowed`, default true) and the "
     "person presiding is on site (`remote.chair_on_site`, default true).",
     "kommunallagen (2017:725) 6 kap. 24 §; 003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, "
     "ställningstagande (QRM-1)",
     "", "kommunallagen 6 kap. 24 §", "Deltagande på distans räknas som närvaro",
     "Deltagande på distans räknas som närvaro när regelverket tillåter det (`remote.allowed`, som standard true) "
     "och den som leder sammanträdet är på plats (`remote.chair_on_site`, som standard true)."},
    {"CNS-1", "The samråd takes positions, not decisions",
     "The samråd has no decision-making power of its own; what it agrees is a ställningstagande (a position), "
     "never a beslut.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande",
     "Detta innebär bland annat att minnesanteckningar, inte protokoll, ska föras och beslut benämns "
     "ställningstaganden.",
     "", "Samrådet gör ställningstaganden, inte beslut",
     "Samrådet har ingen självständig beslutanderätt; det som samrådet enas om är ett ställningstagande, aldrig ett "
     "beslut."},
    {"CNS-2", "A ställningstagande requires consensus",
     "A ställningstagande requires consensus (enighet) of the serving members: by default an abstention (står "
     "utanför) does not block and an objection from a serving member blocks; a non-serving substitute neither "
     "joins nor blocks. Parameter `consensus` (`no_objection` default; `unanimous_assent`).",
     "003_324ab1002b074ef9.txt § Det politiska organets uppdrag och roll",
     "Politiska samrådets arbetsform ska präglas av öppenhet och transparens där representanternas gemensamma "
     "diskussion och dialog syftar till att nå enighet i de frågor som behandlas, för beslut och genomförande i "
     "hemorganisationerna.",
     "", "Ett ställningstagande kräver enighet",
     "Ett ställningstagande kräver enighet bland de tjänstgörande ledamöterna: som standard hindrar den som står "
     "utanför inte enigheten, men en invändning från en tjänstgörande ledamot gör det; en ersättare som inte "
     "tjänstgör varken ansluter sig till eller hindrar enigheten. Parameter `consensus` (`no_objection` som "
     "standard; `unanimous_assent`)."},
    {"CNS-3", "No consensus: återremiss or removal",
     "If the samråd cannot agree, the matter is referred back for renewed preparation (återremiss, with a reason) "
     "or removed (avförs); by default återremiss, and after `max_referrals` referrals (default 1) only removal "
     "remains. A removed matter may come back only as a new matter. Parameters `max_referrals`, `on_no_consensus` "
     "(`refer_back` default; `remove`).",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer",
     "Om politiska samrådet inte kan enas i en fråga ska ärendet återremitteras för förnyad beredning eller "
     "avföras.",
     "", "Ingen enighet: återremiss eller avförande",
     "Om samrådet inte kan enas ska ärendet återremitteras för förnyad beredning (återremiss, med motivering) eller "
     "avföras; som standard återremiss, och efter `max_referrals` återremisser (som standard 1) återstår bara att "
     "avföra ärendet. Ett avfört ärende kan bara komma tillbaka som ett nytt ärende. Parametrar `max_referrals`, "
     "`on_no_consensus` (`refer_back` som standard; `remove`)."},
    {"CNS-4", "A matter that is not quorate is not dealt with",
     "A matter that is not quorate is not dealt with: it stays on the list for the next meeting and is not a "
     "failed consensus.",
     "kommunallagen (2017:725) 6 kap. 27 § (QRM-3); 003_324ab1002b074ef9.txt § Mandat och arbetsformer (CNS-3)", "", "",
     "Ett ärende behandlas inte utan beslutförhet",
     "Ett ärende där samrådet inte är beslutfört behandlas inte: det står kvar till nästa sammanträde och räknas "
     "inte som ett fall där samrådet inte har kunnat enas."},
    {"CNS-5", "Directional positions need adoption by each body",
     "Directional positions (inriktningsbeslut) take effect only when each represented body adopts (fastställer) "
     "them in its own nämnd/styrelse; adoption is tracked per body (13 adopters by default). A body may decline; "
     "the position then holds for those that adopted it.",
     "003_324ab1002b074ef9.txt § Politiska samrådet ska",
     "Politiska samrådsgruppen tar inriktningsbeslut. Fastställande av inriktningsbesluten sker i respektive "
     "berörd nämnd/styrelse.",
     "", "Inriktningsbeslut ska fastställas av varje organ",
     "Inriktningsbeslut får verkan först när respektive representerat organ fastställer dem i sin egen "
     "nämnd/styrelse; fastställandet följs upp per organ (som standard 13 organ). Ett organ kan avstå från att "
     "fastställa; inriktningsbeslutet gäller då för de organ som har fastställt det."},
    {"CNS-6", "Members carry the information chain",
     "Members must carry the information chain to and from their own body.",
     "003_324ab1002b074ef9.txt § Politiska samrådet ska",
     "Det ingår i uppdraget att säkerställa informationskedjan till och från samrådsgruppen inom den egna "
     "nämnden/styrelsen.",
     "", "Ledamöterna ansvarar för informationskedjan",
     "Ledamöterna ska säkerställa informationskedjan till och från sin egen nämnd/styrelse."},
    {"ROT-1", "Chair and vice chair serve two years", "The chair and vice chair hold office for two years.",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer",
     "Uppdraget som ordförande och vice ordförande innehas under två år och roterar mellan kommunerna och "
     "regionens utförarstyrelser och ska samordnas med ordförandeskapet för ledningsgruppen (LGS) för Kommun och "
     "sjukvård – Samverkan i Göteborgsområdet.",
     "", "Ordförande och vice ordförande har uppdraget i två år",
     "Ordförande och vice ordförande innehar sina uppdrag under två år."},
    {"ROT-2", "The chair rotates between municipalities and region",
     "The chair rotates between the municipalities and the region's provider boards (utförarstyrelser); purchaser "
     "bodies are not in the rotation. The rotation fixes the side of each two-year term and the samråd elects the "
     "holder among that side's eligible ordinary members. Parameters: the eligible pool per side and its order, "
     "`alternate_sides` (default true).",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer",
     "Uppdraget som ordförande och vice ordförande innehas under två år och roterar mellan kommunerna och "
     "regionens utförarstyrelser och ska samordnas med ordförandeskapet för ledningsgruppen (LGS) för Kommun och "
     "sjukvård – Samverkan i Göteborgsområdet.",
     "", "Ordförandeskapet roterar mellan kommunerna och regionen",
     "Ordförandeskapet roterar mellan kommunerna och regionens utförarstyrelser; beställarorganen ingår inte i "
     "rotationen. Rotationen avgör vilken sida som har ordförandeskapet under respektive tvåårsperiod, och samrådet "
     "väljer innehavaren bland den sidans valbara ordinarie ledamöter. Parametrar: kretsen av valbara per sida och "
     "dess turordning, `alternate_sides` (som standard true)."},
    {"ROT-3", "The vice chair comes from the other side",
     "The vice chair comes from the other side than the chair, so a body of two principals keeps both in its "
     "presidium. Parameter `vice_from_other_side` (default true).",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer", "", "", "Vice ordförande kommer från den andra sidan",
     "Vice ordförande hämtas från den sida som inte har ordförandeskapet, så att ett samverkansorgan med två slags "
     "huvudmän har båda representerade i sitt presidium. Parameter `vice_from_other_side` (som standard true)."},
    {"ROT-3a", "Proposed holders: pool order and succession",
     "Each side keeps its eligible pool in the ruleset's order (municipalities: goteborg, molndal, harryda, "
     "partille, ockero; region: regionhalsan, narhalsan, tandvard, habilitering_halsa, sjukhusen_i_vaster, su). "
     "With `vice_succeeds` (default true) the vice chair becomes the next chair and the new vice chair is the "
     "next in the other side's pool; nobody holds an office twice before every eligible member of that side has "
     "held it (a validator warns).",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning", "", "",
     "Förslag på innehavare: turordning och efterträdande",
     "Varje sida har sin krets av valbara i regelverkets ordning (kommunerna: goteborg, molndal, harryda, partille, "
     "ockero; regionen: regionhalsan, narhalsan, tandvard, habilitering_halsa, sjukhusen_i_vaster, su). Med "
     "`vice_succeeds` (som standard true) blir vice ordföranden nästa ordförande, och den nya vice ordföranden är "
     "nästa i tur i den andra sidans krets; ingen innehar ett uppdrag två gånger innan alla valbara på den sidan "
     "har innehaft det (valideringen varnar)."},
    {"ROT-4", "The rotation is coordinated with the LGS chair",
     "The rotation is coordinated with the chairmanship of LGS; by default terms are aligned and the LGS chair "
     "comes from the same side as the samråd chair. Parameter `lgs_coordination` (`same_side` default; "
     "`opposite_side`; `none`).",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer",
     "Uppdraget som ordförande och vice ordförande innehas under två år och roterar mellan kommunerna och "
     "regionens utförarstyrelser och ska samordnas med ordförandeskapet för ledningsgruppen (LGS) för Kommun och "
     "sjukvård – Samverkan i Göteborgsområdet.",
     "", "Rotationen samordnas med ordförandeskapet i LGS",
     "Rotationen samordnas med ordförandeskapet i LGS; som standard sammanfaller perioderna och LGS ordförande "
     "kommer från samma sida som samrådets ordförande. Parameter `lgs_coordination` (`same_side` som standard; "
     "`opposite_side`; `none`)."},
    {"ROT-5", "The presidium",
     "In the 2016 ruleset the presidium is the chair and vice chair; in the 2026 ruleset the politiskt presidium "
     "is the presidia of the samråd and of LGS (four offices).",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer; 000_0c90336592e424b9.txt § Politisk nivå",
     "Politiska samrådets presidium skall bestå av ordförande och vice ordförande.", "", "Presidiet",
     "I 2016 års regelverk består presidiet av ordförande och vice ordförande; i 2026 års regelverk består det "
     "politiska presidiet av presidierna i samrådet och i LGS (fyra uppdrag)."},
    {"ROT-6", "Terms follow the mandate period",
     "Terms follow the electoral mandate period (elections every four years in September, mandate from 1 January "
     "after), so each mandate period holds two chair terms; a misaligned schedule is a warning. Parameter "
     "`align_with_mandate` (default true); default anchor 2015-01-01 with Göteborg holding the first chair.",
     "mandatperiod (general elections every four years); 003_324ab1002b074ef9.txt § Mandat och arbetsformer "
     "(ROT-1)",
     "", "", "Ordförandeperioderna följer mandatperioden",
     "Ordförandeperioderna följer mandatperioden (allmänna val vart fjärde år i september, den nya mandatperioden "
     "börjar den 1 januari året därpå), så varje mandatperiod rymmer två ordförandeperioder; ett schema som inte "
     "följer mandatperioden ger en varning. Parameter `align_with_mandate` (som standard true); rotationen utgår "
     "som standard från 2015-01-01 med Göteborg som första ordförande."},
    {"MTG-1", "The samråd meets once per termin",
     "The samråd meets once per termin (spring January–June, autumn July–December), that is twice a year, and "
     "otherwise when needed; a calendar year with a termin without an ordinary meeting violates the rule.",
     "003_324ab1002b074ef9.txt § Politiska samrådet ska; 003_324ab1002b074ef9.txt § Mötesfrekvens",
     "Politiska samrådet sammanträder en gång per termin samt där emellan vid behov.", "",
     "Samrådet sammanträder en gång per termin",
     "Samrådet sammanträder en gång per termin (vårtermin januari–juni, hösttermin juli–december), alltså två "
     "gånger om året, och i övrigt vid behov; ett kalenderår där en termin saknar ordinarie sammanträde strider mot "
     "regeln."},
    {"MTG-2", "The process leader convenes on the chair's behalf",
     "On the chair's behalf, the LGS process leader convenes (kallar) the appointed representatives, ordinary and "
     "substitutes.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande",
     "På uppdrag av ordförande sammankallar LGS processledare utsedda representanter, ordinarie och ersättare.", "",
     "Processledaren kallar på ordförandens uppdrag",
     "På ordförandens uppdrag kallar LGS processledare de utsedda representanterna, både ordinarie och ersättare."},
    {"MTG-3", "Matters are prepared before the agenda",
     "Matters are prepared (beredda) before they reach the samråd's agenda.",
     "003_324ab1002b074ef9.txt § Mandat och arbetsformer (STR-1)",
     "Beredning av ärenden till politiska samrådets möten ska ske i samarbete mellan ledningsgruppen (LGS), LGS "
     "Beredningsgrupp och presidiet för politiska samrådet.",
     "", "Ärenden bereds innan de förs upp på dagordningen",
     "Ärendena bereds innan de förs upp på samrådets dagordning."},
    {"MIN-1", "Minutes are minnesanteckningar, not a protocol",
     "The samråd's minutes are minnesanteckningar, not a protocol.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande",
     "Detta innebär bland annat att minnesanteckningar, inte protokoll, ska föras och beslut benämns "
     "ställningstaganden.",
     "", "Minnesanteckningar, inte protokoll", "Vid samrådets sammanträden förs minnesanteckningar, inte protokoll."},
    {"MIN-2", "The chair signs; the minutes are published",
     "The minutes are signed by the chair (the person who presided) and published on the collaboration's website "
     "with the process leaders' support.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande",
     "Minnesanteckningar skall undertecknas av ordföranden och publiceras på hemsidan Vårdsamverkan "
     "Göteborgsområdet med stöd från LGS processledare.",
     "", "Ordföranden undertecknar; minnesanteckningarna publiceras",
     "Minnesanteckningarna undertecknas av ordföranden (den som ledde sammanträdet) och publiceras på Vårdsamverkan "
     "Göteborgsområdets webbplats med stöd av processledarna."},
    {"MIN-3", "Yearly information and yearly report",
     "Officials inform the samråd yearly; LGS follows up the handlingsplan yearly and publishes an annual report.",
     "003_324ab1002b074ef9.txt § Mötesfrekvens; 000_0c90336592e424b9.txt § Uppföljning",
     "Årlig information från tjänstemän.", "", "Årlig information och årsrapport",
     "Tjänstepersoner lämnar årligen information till samrådet; LGS följer upp handlingsplanen årligen och "
     "publicerar en årsrapport."},
    {"THM-1", "The 2016 themes",
     "2016 themes: Äldre (65 or older with need of coordinated care), Mitt i Livet (18–64 with need of "
     "coordinated efforts), Barn och unga (all children, young people and their families), Psykiatri (adults with "
     "mental illness, also neuropsychiatric conditions and complex co-morbidity). A person can belong to more "
     "than one theme.",
     "003_324ab1002b074ef9.txt § Tema för samverkan",
     "Personer som är 65 år eller äldre och som har behov av samordnande vård- och omsorgsinsatser.", "", "Teman 2016",
     "Teman 2016: Äldre (65 år eller äldre med behov av samordnade vård- och omsorgsinsatser), Mitt i Livet "
     "(18–64 år med behov av samordnade insatser), Barn och unga (alla barn, ungdomar och deras familjer), "
     "Psykiatri (vuxna med psykisk sjukdom, även neuropsykiatriska tillstånd och komplex samsjuklighet). En person "
     "kan höra till mer än ett tema."},
    {"THM-2", "The 2026 temagrupper",
     "2026 temagrupper: barn och unga, psykiatri, rehabilitering/habilitering, äldre. Mitt i Livet is gone; "
     "rehabilitering/habilitering is new.",
     "000_0c90336592e424b9.txt § Operativ nivå",
     "Temagrupper – fyra grupper med ansvar för barn och unga, psykiatri, rehabilitering/habilitering och äldre.", "",
     "Temagrupperna 2026",
     "Temagrupper 2026: barn och unga, psykiatri, rehabilitering/habilitering, äldre. Mitt i Livet har utgått; "
     "rehabilitering/habilitering är nytt."},
    {"THM-3", "Routing to every matching theme",
     "A person or matter belongs to every theme whose criteria it meets (possibly none); by default Barn och unga "
     "is under 18, Psykiatri 18 or older, the 2026 groups keep the 2016 criteria and rehabilitering/habilitering "
     "covers any age with a need of rehabilitation or habilitation. Parameters: the age limits and the needs each "
     "theme covers.",
     "003_324ab1002b074ef9.txt § Tema för samverkan; 000_0c90336592e424b9.txt § Operativ nivå",
     "Vuxna med psykisk ohälsa, psykisk sjukdom eller störning med psykisk funktionsnedsättning som följd.", "",
     "Fördelning till alla tillämpliga teman",
     "En person eller ett ärende hör till varje tema vars kriterier är uppfyllda (det kan också vara inget); som "
     "standard omfattar temat Barn och unga den som är under 18 år och temat Psykiatri den som är 18 år eller "
     "äldre, 2026 års grupper behåller 2016 års kriterier och rehabilitering/habilitering omfattar alla åldrar med "
     "behov av rehabilitering eller habilitering. Parametrar: åldersgränserna och de behov som varje tema "
     "omfattar."},
    {"PLN-1", "Two prioritised focus areas 2026–2029",
     "The plan 2026–2029 has two prioritised focus areas: Trygga, säkra och effektiva vårdövergångar; Främja "
     "hälsa och förebygga ohälsa.",
     "000_0c90336592e424b9.txt § Strategisk inriktning; 000_0c90336592e424b9.txt § PRIORITERADE FOKUSOMRÅDEN",
     "För att nå det övergripande målet har det politiska samrådet pekat ut två fokusområden som särskilt "
     "prioriterade under perioden 2026–2029:",
     "", "Två prioriterade fokusområden 2026–2029",
     "Samverkansplanen 2026–2029 har två prioriterade fokusområden: Trygga, säkra och effektiva vårdövergångar; "
     "Främja hälsa och förebygga ohälsa."},
    {"PLN-2", "Activities: focus area, responsible party, follow-up",
     "Every activity of the handlingsplan is linked to a focus area, has a responsible party and is followed up "
     "yearly by LGS.",
     "000_0c90336592e424b9.txt § INLEDNING; 000_0c90336592e424b9.txt § Roller och ansvar",
     "Handlingsplanen konkretiserar samverkansplanens mål genom aktiviteter kopplade till de prioriterade "
     "fokusområdena. Den tydliggör ansvar och följs upp årligen av LGS.",
     "", "Aktiviteter: fokusområde, ansvarig och uppföljning",
     "Varje aktivitet i handlingsplanen är kopplad till ett fokusområde, har en ansvarig och följs upp årligen av "
     "LGS."},
    {"PLN-3", "Groups to consider specially",
     "Socioeconomically vulnerable groups, the newly arrived, persons with disabilities and the gender "
     "perspective are considered specially: an activity states which it considers, and a group considered by no "
     "activity draws a warning.",
     "000_0c90336592e424b9.txt § VÅRT UPPDRAG",
     "För att minska ojämlikhet i hälsa ska samverkansarbetet särskilt beakta:", "", "Grupper som ska beaktas särskilt",
     "Socioekonomiskt utsatta grupper, nyanlända, personer med funktionsnedsättning samt ett könsperspektiv ska "
     "särskilt beaktas: varje aktivitet anger vilka av dem den beaktar, och en grupp som ingen aktivitet beaktar "
     "ger en varning."},
    {"PLN-4", "Continuous follow-up and a yearly report",
     "Follow-up is continuous against published measurable goals and the plan's activities; the results are "
     "compiled in a published yearly report whose inputs are statistics, minutes and documented deviations "
     "(avvikelser).",
     "000_0c90336592e424b9.txt § Uppföljning",
     "Resultaten sammanställs i årsrapportering och publiceras på hemsidan. Som underlag används statistik, "
     "minnesanteckningar och dokumenterade avvikelser i samverkan.",
     "", "Löpande uppföljning och årlig rapport",
     "Uppföljningen sker löpande mot publicerade mätbara mål och aktiviteterna i handlingsplanen; resultaten "
     "sammanställs i en årlig rapport som publiceras och som har statistik, minnesanteckningar och dokumenterade "
     "avvikelser som underlag."},
    {"RGT-1", "Only serving members take part in a consensus",
     "Only serving members' positions count in a consensus; an attending substitute whose ordinary member is "
     "present may speak but not take part.",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning (CMP-4); 003_324ab1002b074ef9.txt § Det "
     "politiska organets uppdrag och roll (CNS-2)",
     "De politiska organen representeras av ordförande från berörda nämnder och styrelser som ordinarie "
     "representant samt ersättare från presidiet med närvaro- och yttranderätt.",
     "", "Endast tjänstgörande ledamöter deltar i enigheten",
     "Endast de tjänstgörande ledamöternas hållning räknas när enighet prövas; en närvarande ersättare vars "
     "ordinarie ledamot är närvarande får yttra sig men inte delta i ställningstagandet."},
    {"RGT-2", "Only the presiding chair signs the minutes", "Only the presiding chair signs the minutes.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande (MIN-2)",
     "Minnesanteckningar skall undertecknas av ordföranden och publiceras på hemsidan Vårdsamverkan "
     "Göteborgsområdet med stöd från LGS processledare.",
     "", "Endast sammanträdets ordförande undertecknar minnesanteckningarna",
     "Endast den ordförande som ledde sammanträdet undertecknar minnesanteckningarna."},
    {"RGT-3", "Only a process leader issues the convening notice",
     "Only a process leader, on behalf of the chair, issues the convening notice.",
     "003_324ab1002b074ef9.txt § Kallelse, mötesanteckningar, ställningstagande (MTG-2)",
     "På uppdrag av ordförande sammankallar LGS processledare utsedda representanter, ordinarie och ersättare.", "",
     "Endast en processledare utfärdar kallelsen",
     "Endast en processledare, på ordförandens uppdrag, utfärdar kallelsen."},
    {"RGT-4", "No seat, no part",
     "A person who holds no seat cannot take part at all; an attempt is refused with an error that names the rule.",
     "003_324ab1002b074ef9.txt § Politiska samrådets sammansättning", "", "", "Ingen plats, inget deltagande",
     "Den som inte innehar någon plats kan inte delta alls; ett försök avvisas med ett felmeddelande som anger "
     "regeln."},
}};

/// Every kind of step a ruling records (ruling.hpp), by rule id and kind.
inline constexpr std::array<step_wording, 28> step_catalogue{{
    {"QRM-7", "remote_counts",
     "remote participation counts as presence (allowed; the person presiding is on site): {seats}",
     "deltagande på distans räknas som närvaro (tillåtet; den som leder sammanträdet är på plats): {seats}"},
    {"QRM-7", "remote_nobody_on_site", "remote participation does not count: nobody on site can preside ({seats})",
     "deltagande på distans räknas inte som närvaro: ingen på plats kan leda sammanträdet ({seats})"},
    {"QRM-7", "remote_not_allowed", "remote participation does not count: the ruleset does not allow it ({seats})",
     "deltagande på distans räknas inte som närvaro: regelverket tillåter det inte ({seats})"},
    {"QRM-4", "disqualified", "disqualified (jäv) in this item, not counted: {seats}",
     "jäviga i ärendet och räknas inte med: {seats}"},
    {"QRM-5", "left", "left the meeting and do not serve again today: {seats}",
     "har lämnat sammanträdet och tjänstgör inte igen i dag: {seats}"},
    {"QRM-2", "own_seats", "{own} of {ordinary_seats} ordinary seats served by their own members",
     "på {own} av {ordinary_seats} ordinarie platser tjänstgör den ordinarie ledamoten själv"},
    {"QRM-2", "substitute", "{substitute} serves for {ordinary} (substitution_scope {scope})",
     "ersättaren {substitute} tjänstgör för {ordinary} (substitution_scope {scope})"},
    {"QRM-2", "vacant", "empty ordinary seats: {seats}", "tomma ordinarie platser: {seats}"},
    {"QRM-3", "both_sides", "both sides must serve: municipalities {municipal}, region {region}",
     "båda sidor ska ha tjänstgörande ledamöter: kommunerna {municipal}, regionen {region}"},
    {"QRM-3", "quorum",
     "{served} of {ordinary_seats} ordinary seats served; {quorum} needed, at least {threshold}: {quorate}",
     "{served} av {ordinary_seats} ordinarie platser har tjänstgörande ledamöter; {quorum} krävs, minst {threshold}: "
     "{quorate}"},
    {"CNS-4", "not_quorate",
     "the item is not dealt with and stays on the list for the next meeting; no consensus was tried",
     "ärendet behandlas inte och står kvar till nästa sammanträde; enighet prövades inte"},
    {"ROT-3a", "rotation", "chair and vice chair from the rotation: {chair} and {vice_chair}, term {start} – {end}",
     "ordförande och vice ordförande enligt rotationen: {chair} och {vice_chair}, perioden {start} – {end}"},
    {"QRM-6", "chair_presides", "the chair {seat} presides", "ordföranden {seat} leder sammanträdet"},
    {"QRM-6", "chair_cannot", "the chair {seat} cannot preside (absent, not serving or remote)",
     "ordföranden {seat} kan inte leda sammanträdet (frånvarande, inte tjänstgörande eller på distans)"},
    {"QRM-6", "no_chair", "no chair was given", "ingen ordförande angavs"},
    {"QRM-6", "vice_chair_presides", "the vice chair {seat} presides", "vice ordföranden {seat} leder sammanträdet"},
    {"QRM-6", "vice_chair_cannot", "the vice chair {seat} cannot preside either",
     "inte heller vice ordföranden {seat} kan leda sammanträdet"},
    {"QRM-6", "no_vice_chair", "no vice chair was given", "ingen vice ordförande angavs"},
    {"QRM-6", "eldest_presides", "the eldest present serving member {seat} ({name}), born {born}, presides",
     "den äldsta närvarande tjänstgörande ledamoten {seat} ({name}), född {born}, leder sammanträdet"},
    {"QRM-6", "longest_serving_presides",
     "the longest-serving, then eldest, present serving member {seat} ({name}), member since {member_since}, born "
     "{born}, presides",
     "den närvarande tjänstgörande ledamot som varit ledamot längst, därefter den äldsta, {seat} ({name}), ledamot "
     "sedan {member_since}, född {born}, leder sammanträdet"},
    {"QRM-6", "unknown",
     "presiding_fallback needs {missing}, missing for {seats}: who presides is unknown; candidates: {candidates}",
     "presiding_fallback behöver {missing}, som saknas för {seats}: vem som leder sammanträdet är okänt; kandidater: "
     "{candidates}"},
    {"QRM-6", "nobody",
     "nobody present may preside: the item is not dealt with and stays on the list for the next meeting",
     "ingen närvarande får leda sammanträdet: ärendet behandlas inte och står kvar till nästa sammanträde"},
    {"RGT-1", "attending", "attend and may speak (CMP-4) but take no part in the consensus: {seats}",
     "närvarar med yttranderätt (CMP-4) men deltar inte i ställningstagandet: {seats}"},
    {"CNS-2", "consensus",
     "{serving} serving members; objections: {objections}; standing aside: {abstentions} ({consensus}): {reached}",
     "{serving} tjänstgörande ledamöter; invändningar: {objections}; står utanför: {abstentions} ({consensus}): "
     "{reached}"},
    {"CNS-1", "position", "the outcome is a ställningstagande (a position), not a beslut",
     "utfallet är ett ställningstagande, inte ett beslut"},
    {"CNS-3", "referred_back",
     "referred back (återremiss) for renewed preparation, referral {referral} of {max_referrals}; to address: {reason}",
     "ärendet återremitteras för förnyad beredning, återremiss {referral} av {max_referrals}; att belysa: {reason}"},
    {"CNS-3", "removed_exhausted",
     "referred back {referrals} time(s) before and max_referrals is {max_referrals}: only removal remains; the matter "
     "is removed (avförs)",
     "återremitterat {referrals} gång(er) tidigare och max_referrals är {max_referrals}: endast avförande återstår; "
     "ärendet avförs"},
    {"CNS-3", "removed_by_choice",
     "the {by} chose removal: the matter is removed (avförs); it may return only as a new matter",
     "{by} valde avförande: ärendet avförs; det kan återkomma endast som ett nytt ärende"},
}};

/// Fact values that read differently from their raw form, and the texts of the minutes.
inline constexpr std::array<term_wording, 65> term_catalogue{{
    {"true", "yes", "ja"},
    {"false", "no", "nej"},
    {"none", "none", "inga"},
    {"quorum=more_than_half", "more than half", "mer än hälften"},
    {"quorum=two_thirds", "at least two thirds", "minst två tredjedelar"},
    {"quorum=count", "the ruleset's count", "regelverkets antal"},
    {"quorate=true", "quorate", "beslutfört"},
    {"quorate=false", "not quorate", "inte beslutfört"},
    {"reached=true", "consensus", "enighet"},
    {"reached=false", "no consensus", "ingen enighet"},
    {"consensus=no_objection", "standing aside does not block", "att stå utanför hindrar inte enighet"},
    {"consensus=unanimous_assent", "standing aside blocks: unanimous assent is required",
     "att stå utanför hindrar enighet: alla måste instämma"},
    {"reason=", "(no reason given)", "(inget skäl angivet)"},
    {"name=", "name not given", "namn saknas"},
    {"by=meeting", "meeting", "sammanträdet"},
    {"by=ruleset", "ruleset", "regelverket"},
    {"source", "source", "källa"},
    // The minutes (minnesanteckningar, MIN-1 … MIN-2): headings and lines, in both languages.
    {"minutes.title", "Minutes", "Minnesanteckningar"},
    {"minutes.meeting", "Meeting", "Möte"},
    {"minutes.day", "Date", "Datum"},
    {"minutes.ruleset", "Ruleset", "Regelverk"},
    {"minutes.status", "Status", "Status"},
    {"status=draft", "draft", "utkast"},
    {"status=signed", "signed", "justerade"},
    {"status=published", "published", "publicerade"},
    {"minutes.notice", "Notice", "Kallelse"},
    {"minutes.notice_text",
     "Issued on {day} by {by} on the chair's behalf to {count} recipients, ordinary members and substitutes (MTG-2, "
     "RGT-3).",
     "Utfärdad {day} av {by} på ordförandens uppdrag till {count} mottagare, ordinarie ledamöter och ersättare (MTG-2, "
     "RGT-3)."},
    {"minutes.no_notice", "No notice is recorded.", "Ingen kallelse är registrerad."},
    {"minutes.present", "Present", "Närvarande"},
    {"minutes.remote", "remote", "på distans"},
    {"seat_kind=ordinary", "ordinary member", "ordinarie ledamot"},
    {"seat_kind=substitute", "substitute", "ersättare"},
    {"minutes.changes", "Arrivals and departures", "Ankomster och avgångar"},
    {"minutes.no_changes", "None.", "Inga."},
    {"minutes.arrived", "{seat} arrives before item {item}", "{seat} anländer före ärende {item}"},
    {"minutes.arrived_remote", "{seat} joins remotely before item {item}",
     "{seat} ansluter på distans före ärende {item}"},
    {"minutes.left", "{seat} leaves before item {item}", "{seat} lämnar mötet före ärende {item}"},
    {"minutes.left_disqualified", "{seat} leaves before item {item}, disqualified (jäv)",
     "{seat} lämnar före ärende {item} på grund av jäv"},
    {"minutes.serving_substitutes", "Serving substitutes", "Tjänstgörande ersättare"},
    {"minutes.serves_for", "item {item}: {substitute} serves for {ordinary}",
     "ärende {item}: {substitute} tjänstgör för {ordinary}"},
    {"minutes.presiding", "Presiding", "Ordförande för mötet"},
    {"minutes.items", "Items", "Ärenden"},
    {"minutes.item", "Item", "Ärende"},
    {"minutes.matter", "Matter {id}", "Ärende {id}"},
    {"minutes.quorum", "Quorum: {served} of {seats} ordinary seats served (at least {threshold}).",
     "Beslutförhet: {served} av {seats} ordinarie platser besatta (minst {threshold})."},
    {"minutes.presided", "Presiding: {seat}", "Ordförande: {seat}"},
    {"minutes.serving", "Serving: {seats}", "Tjänstgörande: {seats}"},
    {"minutes.objections", "Objections: {seats}", "Invändningar: {seats}"},
    {"minutes.abstentions", "Standing aside: {seats}", "Står utanför: {seats}"},
    {"minutes.outcome", "Outcome: {outcome}", "Utfall: {outcome}"},
    {"outcome=position", "position (ställningstagande)", "Ställningstagande"},
    {"outcome=referred_back", "referred back (återremiss)", "Återremiss"},
    {"outcome=removed", "removed (avförs)", "Avförs"},
    {"outcome=not_quorate", "not dealt with: not quorate", "Ej behandlat: inte beslutfört"},
    {"outcome=not_dealt_with", "not dealt with: nobody may preside", "Ej behandlat: ingen får vara ordförande"},
    {"minutes.reason", "To address: {reason}", "Att belysa: {reason}"},
    {"minutes.explanation", "Explanation", "Motivering"},
    {"minutes.deviations", "Deviations (avvikelser)", "Avvikelser"},
    {"minutes.no_deviations", "No deviations.", "Inga avvikelser."},
    {"minutes.deviation", "event {index} ({kind}, {subject}) breaks {rule}: {reason}",
     "händelse {index} ({kind}, {subject}) bryter mot {rule}: {reason}"},
    {"minutes.signing", "Signing", "Justering"},
    {"minutes.signed", "Signed on {day} by {seat}, who presided (RGT-2, MIN-2).",
     "Justerade {day} av {seat}, som var ordförande (RGT-2, MIN-2)."},
    {"minutes.unsigned", "Not signed: the person who presided signs (RGT-2).",
     "Ej justerade: den som var ordförande justerar (RGT-2)."},
    {"minutes.published", "Published on {day}; final (MIN-2).", "Publicerade {day}; slutliga (MIN-2)."},
    {"minutes.nobody", "nobody", "ingen"},
}};

}  // namespace samverkan::detail
