package be.uliege.library.registration.fee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.fee.FeeLine;
import be.uliege.library.registration.fee.FeeStatus;
import be.uliege.library.registration.fee.Fees;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** R-FEE-3 without a browser: the day's cash report counts what this operator took at this site. */
@SpringBootTest
@WithMockUser(username = "cashier", roles = Roles.DESK_OPERATOR)
class CashReportViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    @Autowired
    Fees fees;

    @Test
    @SuppressWarnings("unchecked")
    void theCashTakenTodayIsCountedPerOperatorSiteAndType() {
        for (int i = 0; i < 2; i++) {
            var tag = UUID.randomUUID().toString().substring(0, 8);
            var patron = patrons.registerAtDesk(
                    PatronKind.B,
                    new PatronDraft(
                            "Caisse",
                            "Client",
                            Gender.X,
                            LocalDate.of(1980, 1, 1),
                            Language.ENG,
                            "Extérieur",
                            "retraité",
                            null,
                            "PIB: Interlibrary Loan Services",
                            null,
                            null,
                            List.of(
                                    ContactDraft.email("cash." + tag + "@example.be", ContactUsage.PERSONAL),
                                    ContactDraft.phone("0470 55 66 77", ContactUsage.MOBILE),
                                    ContactDraft.address("Rue Haute 4", "4000", "Liège", "BE"))));
            fees.payCash(
                    fees.chargeRegistration(patron.id()).stream()
                            .map(FeeLine::id)
                            .toList(),
                    "BST");
        }
        navigate(CashReportView.class);
        Grid<Fees.CashLine> grid = $(Grid.class).withId("cash-grid").single();
        assertThat(grid.getGenericDataView().getItems().toList()).anySatisfy(line -> {
            assertThat(line.operator()).isEqualTo("cashier");
            assertThat(line.site()).isEqualTo("BST");
            assertThat(line.label()).isEqualTo("Patron Registration Fee");
            assertThat(line.status()).isEqualTo(FeeStatus.PAID);
            assertThat(line.count()).isEqualTo(2);
            assertThat(line.total()).isEqualByComparingTo("10.00");
        });
    }
}
