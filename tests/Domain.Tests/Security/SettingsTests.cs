using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

public sealed class SettingsTests
{
    [Fact]
    public void A_new_cooperative_lets_members_create_proposals()
    {
        Assert.Equal(new CooperativeSettings(MembersMayCreateProposals: true), CooperativeSettings.Default);
        Assert.Equal(CooperativeSettings.Default, Created().Settings);
    }

    [Fact]
    public void Changing_a_setting_records_it_and_repeating_it_changes_nothing()
    {
        var cooperative = Created();

        Assert.Null(cooperative.DecideChangeSettings(new CooperativeSettings(true), Founder, Now));

        var change = cooperative.DecideChangeSettings(new CooperativeSettings(false), Founder, Now);
        Assert.Equal(new SettingsChanged(Now, false, Founder), change);
        cooperative.Apply(change!);

        Assert.Equal(new CooperativeSettings(false), cooperative.Settings);
        Assert.Equal(2, cooperative.Version);
        Assert.Null(cooperative.DecideChangeSettings(new CooperativeSettings(false), Founder, Now));

        var back = cooperative.DecideChangeSettings(CooperativeSettings.Default, Founder, Now.AddHours(1));
        Assert.Equal(new SettingsChanged(Now.AddHours(1), true, Founder), back);
        cooperative.Apply(back!);
        Assert.Equal(CooperativeSettings.Default, cooperative.Settings);
    }

    [Fact]
    public void Changing_settings_leaves_delegations_and_the_roster_version_alone()
    {
        var cooperative = Created().Join("ann");
        var delegationVersion = cooperative.DelegationVersion;

        cooperative.Apply(cooperative.DecideChangeSettings(new CooperativeSettings(false), Founder, Now)!);

        Assert.Equal(delegationVersion, cooperative.DelegationVersion);
        Assert.Equal(3, cooperative.Version);
    }

    [Fact]
    public void Changing_the_settings_of_a_cooperative_that_does_not_exist_is_not_found()
    {
        AssertViolation(
            RuleViolationKind.NotFound,
            "cooperative-not-found",
            () => new Cooperative().DecideChangeSettings(new CooperativeSettings(false), Founder, Now));
    }
}
