using Governance.Domain.Cooperatives;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

/// <summary>The log is the audit trail: every security event names the person who acted, whoever that was.</summary>
public sealed class AuditTests
{
    private const string Actor = "ann";

    // The founder makes ann admin; every later change is ann's, so a By that silently fell back to the founder would show.
    private static Cooperative WithSecondAdmin() => Created().Join(Actor).SetRole(Actor, MemberRole.Admin);

    [Fact]
    public void Every_security_event_records_who_acted()
    {
        var cooperative = WithSecondAdmin();
        var log = new List<CooperativeEvent>();

        void Record(CooperativeEvent? change)
        {
            Assert.NotNull(change);
            cooperative.Apply(change);
            log.Add(change);
        }

        Record(cooperative.DecideAddMember("bob", "Bob", Actor, Now));
        Record(cooperative.DecideSetRole("bob", MemberRole.Admin, Actor, Now));
        Record(cooperative.DecideRemoveMember("bob", Actor, Now));
        Record(cooperative.DecideChangeSettings(new CooperativeSettings(false), Actor, Now));
        Record(cooperative.DecideIssueAppKey("k1", "Dashboard", ["read"], Hash, Actor, Now));
        Record(cooperative.DecideRevokeAppKey("k1", Actor, Now));

        Assert.Equal(
            [
                new MemberJoined(Now, "bob", "Bob", Actor),
                new RoleChanged(Now, "bob", MemberRole.Admin, Actor),
                new MemberRemoved(Now, "bob", Actor),
                new SettingsChanged(Now, false, Actor),
                new AppKeyRevoked(Now, "k1", Actor),
            ],
            log.Where(change => change is not AppKeyIssued));
        var issued = Assert.IsType<AppKeyIssued>(log[4]);
        Assert.Equal(Actor, issued.By);
        Assert.Equal(Actor, Assert.Single(cooperative.AppKeys).IssuedBy);
    }

    [Fact]
    public void The_founder_is_named_by_the_creation_event()
    {
        var created = Assert.IsType<CooperativeCreated>(new Cooperative().DecideCreate("Bakery", null, null, null, "ann", Now));

        Assert.Equal("ann", created.FounderId);
    }

    [Fact]
    public void The_actor_is_recorded_as_given_even_when_acting_on_oneself()
    {
        var cooperative = WithSecondAdmin();

        Assert.Equal(new RoleChanged(Now, Actor, MemberRole.Member, Actor), cooperative.DecideSetRole(Actor, MemberRole.Member, Actor, Now));
        Assert.Equal(new MemberRemoved(Now, Actor, Actor), cooperative.DecideRemoveMember(Actor, Actor, Now));
    }
}
