"""Common first names of many nationalities (a cue, not a whitelist: titles and verbs find others)."""

from pathlib import Path

_NAMES = """
aaron abbas abdel abdul abdullah abdulla abdelaziz abdelfattah abdel-fattah abu adam adel adnan
ahmad ahmed aisha akram alaa alain alan albert aleksandr aleksander aleksei alexei alexey alex
alexander alexandra alexandre ali alice alina alisher amal amin amina amir amos amy ana anastasia
anatoly anatoliy andre andrea andreas andrei andrey andrew andriy andrii andrzej angela angelina
ann anna anne annalena anthony antonio antony anton antony anwar arkady arkadiy armen arseniy
arseny arsen artem artyom arthur asif avi aviv avigdor ayman ayatollah aziz bashar bassem
beata ben benjamin benny bernard bezalel bilal bill bob bogdan bohdan boris boyko brian bruce
carl carlos caroline catherine charles charlotte chris christian christine christopher claude
colin daniel danylo daria darya dave david dennis denis denys dmitry dmitri dmytro dominic
donald edward efraim ehud elena elizabeth emmanuel emma eric erik evgeny evgeniy eyal fadi
faisal farid fatima fedir felix fernando francois frank franz fyodor gabriel gadi galina
gennady georgy george gerhard gideon gilad giorgia gleb grant grigory gustavo hadi haim hakan
halyna hamad hamid hamdan hans haris harry hassan hatem heinrich helen herzi hezi hilary hillary
horst hossein hussein ibrahim igor ihor ilham ilya imran inna irina iryna isaac ismail ivan
jack jacob jake james jamal jan jane javier jean jeffrey jens jerome jim joe johann johannes
john jonathan jose josep joseph josh joshua juan julia julian justin kamala kamal karim karl
kate katerina kateryna keir kemal kevin khaled khalid khalil kim kira kirill kyrylo klaus
kostiantyn konstantin kristi kurt lara larry laura leila leonid lev lindsey liz lloyd lukas
lyudmila magdalena mahmoud majid maksim maksym malik manuel marco margarita maria marie mariya
marina mark marta martin mary masoud matteo matthew maxim mehmet melinda merrick michael
michel mike mikhail mikheil mohamed mohammad mohammed moshe muhammad muhammadu mustafa mykhailo
mykola myroslav nabil nadia nadezhda naftali narendra nasser natalia natalya nataliya nawaf
nestor nicolas nikita nikolai nikolay nikol nir nour nuri oleg oleh oleksandr oleksiy olena
olga olha omar oren osama oskar pablo patrick paul pavel pavlo pedro peter petro petr pierre
pyotr qasim rafael rajab ramzan rashid recep reem richard rishi robert roman ron ronen rustem
rustam ruslan saad sabah saeed said salah salim salva sam samantha samir samuel sanna sara
sarah sayed sebastian serhiy serhii sergei sergey sergiy shimon shoigu simon sofia stanislav
stefan stepan stephen steve steven sultan svetlana sviatoslav taras tariq thomas tim timothy
tobias tom tony uri ursula valery valeriy valerii vadim vadym vasily vasyl viktor viktoriia
vitali vitaliy vitaly vladimir vladislav vladyslav volodymyr vyacheslav walid wang william
xi yahya yair yakov yasser yevgeny yevhen yoav yoel yosef yossi youssef yulia yuliia yury yuri
yuriy yusuf zahra zaid zakaria zeev zelimkhan zoran abiy abdalla ahmed-abdi alassane amadou
bola boubacar cyril dawit emmerson faustin felix-antoine gustave hemedti idriss ibrahima jacob
kagame kwame mamadou moussa muhammadu nana olusegun paul salva samia uhuru william yoweri
abdel-rahman abdelrahman mahamat mohamed-hamdan riek felix teodoro denis-sassou
rami radoslaw radek tomasz piotr krzysztof wojciech jaroslaw jacek donald andrzej mateusz
pawel lukasz zbigniew marek janusz grzegorz vaclav petr miroslav zdenek jiri ladislav milos
aleksandar dragan goran nikola vojislav slobodan tihomir ante milorad dejan bojan vucic
kaja kallas ursula emmanuel olaf friedrich annalena boris rishi keir liz theresa david
giorgia mario silvio pedro alberto marcelo javier joe kamala antony lloyd jake jd marco
pete mike nancy hakeem chuck mitch lindsey ted marjorie elon
abbas ismail yahya mahmoud marwan mohammed mohammad hassan hasan hussein husayn ali omar umar
naim naim qasem nabih najib saad walid samir samer suleiman sulaiman tareq tarek yousef yusef
osama usama majed maher bashar asma rifaat firas fares ghassan hadi hani jihad kamal karam
mazen nasser nizar raed riad riyad salem sami tamer wael ziad zakaria zaki abdulrahman
abdulaziz abdullahi ayatollah ebrahim ebrahim hossein masoud mojtaba qassem esmail amir-abdollahian
benny yoav itamar bezalel yair avigdor gadi herzi eyal daniel yoni avi shlomo yitzhak
tzachi ronen dudi moti gilad ofir ofer hagari
abiy debretsion getachew redwan isaias jawar lemma
william uhuru raila kithure yoweri bobi paul felix joseph laurent moise martin
emmerson nelson jacob cyril julius bola atiku goodluck muhammadu kashim nuhu abubakar
assimi ibrahim abdourahamane mahamat idriss succes kais abdelmadjid recep tayyip
hakan mevlut devlet ekrem
min aung hlaing aung suu kyi thein sein duwa lashi
kim jong un yoon suk yeol lee jae-myung moon jae-in
xi jinping wang yi li qiang
jimmy johnny jerry jeff jeffrey gary garry larry terry barry henry harry george greg gregory
ryan sean shawn kevin keith kenneth ken ronald ron donald douglas doug scott stuart gordon neil
nigel graham philip phillip phil ian iain alan allan adrian andy anthony antonio arturo alberto
alejandro alfonso alfredo alvaro andres angel armando carlos cesar claudia cristina diego
eduardo elena emilio enrique ernesto esteban felipe fernanda francisco gabriela guillermo
gustavo hector hugo ignacio isabel jaime javier jorge joaquin juan julio laura leonardo lorena
lucia luis manuel marcela marcos mariana mario martha mauricio miguel monica nicolas norma
oscar pablo patricia rafael ramon raul ricardo roberto rodrigo rosa salvador santiago sergio
sofia teresa tomas veronica victor gloria nayib gustavo claudia andres xiomara
nikol ilham serzh robert levon ararat ruben arsen heydar hikmet jeyhun
mohsin shehbaz imran asim bilawal nawaz maryam asif khawaja sarfraz
abdifatah abdirahman abdullahi hassan sheikh farmaajo mohamud hamza
adolphe paul maurice cyrille issa
kemi rishi suella priti sajid nadhim grant ben
emmanuel pierre jean-yves jean-noel jean-luc francois sebastien gerald gabriel michel jacques
oleksii oleksiy oleksandra olesia olesya oksana tetiana tetyana tatiana tatyana yaroslav
yaroslava volodymyr vadim vitalii vitaliy valentyn valentina valentyna viktoriya viktoria
anatolii andrii andriy artur artem bohdana borys danylo denys dmytro dmitriy eduard fedir
hanna heorhii heorhiy hryhorii ihor illia ilya ivanna kostiantyn kostyantyn kyrylo lesia
liudmyla lyudmila maksym marharyta mariia mariya marko mykhailo mykola mykyta nadiia natalia
nazar oleh olena oles petro roman ruslana serhii serhiy sofiia stanislav svitlana taras
vasyl viacheslav vyacheslav yevhen yevheniia yulia yuliya yurii yuriy zakhar zinaida
anastasiia dariia larysa lesya nadiya polina yevgeniy zhanna
masha dasha misha kolya petya vanya tanya katya olya nastya vova dima zhenya lyosha seryozha
yura vitya lyuba vika
aleksey alexey anatoly andrei arkady bogdan denis dmitri evgeny fyodor gennady grigory igor
kirill konstantin leonid maksim matvei mikhail nikolai oleg pavel pyotr ramzan semyon sergei
stanislav timur vasily viktor vladislav vsevolod yaroslav yegor yevgeny yuri
abdallah abdelkader abdelaziz abdelilah abderrahmane abdulla abdulrahman abu-bakr adham ahmad
akram alaa ammar anas ashraf ayman basel bassam bilal fadi fahd faisal farouk fawaz ghazi
haitham hamza hazem hisham ibrahim imad issam jamal jawad kareem khaled khalil louay lutfi
mahdi mansour marwan mazen moath mohannad muhannad munir mustafa nabil nidal osama qasim
rami rashad rasheed saeb safwan salem sameh shadi sharif suhail talal tamer wissam yasser
yazan zakaria ziad zuhair amira aya dina fatma hala hanan huda iman layla lina maha mariam
mona nadia noor rania reem rima salma samar sana yasmin zainab
avraham eitan elad eliezer gil hagai hanoch ilan itai liron matan meir menachem moshe nadav
noam omer oren rafi roni shai shaul tal tomer yaakov yehuda yigal yishai yonatan yossi zvi
orit michal noa shira tamar yael
adama alhaji amadou aminata babacar cheikh demba fatou ibrahima issa kofi kwabena mamadou
moussa ngozi oumar ousmane seydou souleymane tidjane yaya abdoulaye boubacar hamidou
nnamdi chukwuemeka emeka olumide oluwaseun tunde yemi abubakar aliyu bello garba kabiru
musa sani usman yakubu yusuf hamisi juma wanjiru kiprono odhiambo otieno mwangi
li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo
shinzo fumio yoon moon park lee kim jae-myung
jens mark-rutte kaja josep antonio-guterres volker rafael-grossi tedros
""".split()

FIRST_NAMES: frozenset[str] = frozenset(n for n in _NAMES if "-" not in n or n.count("-") == 1)

# Lower-case words that may sit inside a name ("Abdel Fattah al-Burhan", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    """
al el es bin ibn bint abu von van der den de da di du la le dos das del ter
""".split()
)

# Prefixes glued to a surname with a hyphen ("al-Burhan", "el-Sisi", "bin-Salman").
SURNAME_PREFIXES = (
    "al-",
    "el-",
    "Al-",
    "El-",
    "ad-",
    "as-",
    "ash-",
    "at-",
    "az-",
    "ez-",
    "es-",
    "ed-",
    "an-",
    "ar-",
    "bin-",
    "abu-",
    "Abu-",
)

NAME_SUFFIXES = frozenset(
    """
based held controlled occupied backed led run installed appointed born bound area region era
style linked aligned allied funded made majority ruled proclaimed speaking dominated populated inhabited
""".split()
)


def _extra_first_names() -> frozenset[str]:
    """First names of many countries beyond the core list (first_names.txt, built by
    bench/build_first_names.py): weaker evidence, a name needs a second word with them."""
    path = Path(__file__).with_name("first_names.txt")
    with path.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


EXTRA_FIRST_NAMES: frozenset[str] = _extra_first_names()
