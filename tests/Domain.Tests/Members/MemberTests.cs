using Governance.Domain.Members;

namespace Governance.Domain.Tests.Members;

public sealed class MemberTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Starting_a_membership_records_the_cooperative_and_the_name()
    {
        var member = new Member();

        var started = member.DecideStartMembership("bakery", "Ann", Now);
        member.Apply(started!);

        Assert.Equal(new MembershipStarted(Now, "bakery", "Ann"), started);
        Assert.Equal(["bakery"], member.Cooperatives);
        Assert.Equal("Ann", member.Name);
        Assert.Equal(1, member.Version);
    }

    [Fact]
    public void Repeating_a_membership_changes_nothing_unless_the_name_changes()
    {
        var member = new Member();
        member.Apply(member.DecideStartMembership("bakery", "Ann", Now)!);

        Assert.Null(member.DecideStartMembership("bakery", "Ann", Now));
        Assert.Null(member.DecideStartMembership("bakery", null, Now));
        member.Apply(member.DecideStartMembership("bakery", "Annie", Now)!);

        Assert.Equal("Annie", member.Name);
        Assert.Equal(["bakery"], member.Cooperatives);
    }

    [Fact]
    public void A_membership_without_a_name_keeps_the_known_name()
    {
        var member = new Member();
        member.Apply(member.DecideStartMembership("bakery", "Ann", Now)!);

        member.Apply(member.DecideStartMembership("dairy", null, Now)!);

        Assert.Equal("Ann", member.Name);
        Assert.Equal(["bakery", "dairy"], member.Cooperatives);
    }

    [Fact]
    public void Ending_a_membership_removes_it_and_ending_an_unknown_one_changes_nothing()
    {
        var member = new Member();
        member.Apply(member.DecideStartMembership("bakery", null, Now)!);

        Assert.Null(member.DecideEndMembership("dairy", Now));
        member.Apply(member.DecideEndMembership("bakery", Now)!);

        Assert.Empty(member.Cooperatives);
        Assert.Null(member.DecideEndMembership("bakery", Now));
    }
}
