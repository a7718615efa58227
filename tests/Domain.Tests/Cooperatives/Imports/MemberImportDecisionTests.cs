using Governance.Domain.Cooperatives;
using Governance.Domain.Cooperatives.Imports;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Cooperatives.Imports;

public sealed class MemberImportDecisionTests
{
    [Fact]
    public void New_ids_join_with_the_event_a_single_add_appends_and_members_already_there_are_existing()
    {
        var cooperative = Created().Join("ann");

        var decision = cooperative.DecideImportMembers(
            [new ImportLine(2, "ann", "Ann"), new ImportLine(3, "ben", " Ben Lee "), new ImportLine(4, "cat", null)], Founder, Now);

        Assert.Equal([new MemberJoined(Now, "ben", "Ben Lee", Founder), new MemberJoined(Now, "cat", null, Founder)], decision.Joins);
        Assert.Equal([cooperative.GetMember("ann")], decision.Existing);
        Assert.Empty(decision.Refused);
    }

    [Fact]
    public void Invalid_lines_are_refused_with_the_codes_of_a_single_add_and_never_stop_the_good_ones()
    {
        var cooperative = Created();

        var decision = cooperative.DecideImportMembers(
            [
                new ImportLine(1, "ann smith", null),
                new ImportLine(2, "ann", "Ann"),
                new ImportLine(3, "ben", "   "),
                new ImportLine(4, null, "Nobody"),
                new ImportLine(5, "", null),
                new ImportLine(6, "...", null),
                new ImportLine(7, "cat", new string('c', 201)),
                new ImportLine(8, "dan", null),
            ],
            Founder,
            Now);

        Assert.Equal(["ann", "dan"], decision.Joins.Select(join => join.MemberId));
        Assert.Equal(
            [(1, "invalid-id"), (3, "invalid-name"), (4, "missing-id"), (5, "missing-id"), (6, "invalid-id"), (7, "invalid-name")],
            decision.Refused.Select(refusal => (refusal.Line, refusal.Code)));
        Assert.All(decision.Refused, refusal => Assert.False(string.IsNullOrWhiteSpace(refusal.Message)));
    }

    [Fact]
    public void An_id_given_twice_counts_once_and_later_lines_are_duplicates()
    {
        var cooperative = Created().Join("ann");

        var decision = cooperative.DecideImportMembers(
            [
                new ImportLine(1, "ben", "Ben"),
                new ImportLine(2, "ann", null),
                new ImportLine(3, "ben", "Someone else"),
                new ImportLine(4, "ann", null),
                new ImportLine(5, "cat", "  "),
                new ImportLine(6, "cat", "Cat"),
            ],
            Founder,
            Now);

        Assert.Equal([new MemberJoined(Now, "ben", "Ben", Founder), new MemberJoined(Now, "cat", "Cat", Founder)], decision.Joins);
        Assert.Equal(["ann"], decision.Existing.Select(entry => entry.MemberId));
        Assert.Equal([(3, "duplicate-id"), (4, "duplicate-id"), (5, "invalid-name")], decision.Refused.Select(refusal => (refusal.Line, refusal.Code)));
    }

    [Fact]
    public void Deciding_changes_nothing_and_applying_the_joins_makes_the_same_lines_existing()
    {
        var cooperative = Created();
        ImportLine[] lines = [new(1, "ann", null), new(2, "ben", "Ben"), new(3, "bad id", null)];

        var first = cooperative.DecideImportMembers(lines, Founder, Now);
        Assert.Equal(1, cooperative.MemberCount);
        foreach (var join in first.Joins)
        {
            cooperative.Apply(join);
        }

        var again = cooperative.DecideImportMembers(lines, Founder, Now);

        Assert.Empty(again.Joins);
        Assert.Equal(["ann", "ben"], again.Existing.Select(entry => entry.MemberId));
        Assert.Equal(first.Refused, again.Refused);
        Assert.Equal(3, cooperative.MemberCount);
    }

    [Fact]
    public void Only_admins_import_and_the_whole_batch_is_refused_otherwise()
    {
        var cooperative = Created().Join("ann");

        var violation = Assert.Throws<RuleViolationException>(() => cooperative.DecideImportMembers([new ImportLine(1, "ben", null)], "ann", Now));

        Assert.Equal((RuleViolationKind.Forbidden, "admin-only"), (violation.Kind, violation.Code));
    }

    [Fact]
    public void Importing_into_no_cooperative_is_not_found()
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Cooperative().DecideImportMembers([new ImportLine(1, "ben", null)], Founder, Now));

        Assert.Equal((RuleViolationKind.NotFound, "cooperative-not-found"), (violation.Kind, violation.Code));
    }

    [Fact]
    public void A_member_who_left_joins_again()
    {
        var cooperative = Created().Join("ann").Remove("ann");

        var decision = cooperative.DecideImportMembers([new ImportLine(1, "ann", null)], Founder, Now);

        Assert.Equal([new MemberJoined(Now, "ann", null, Founder)], decision.Joins);
    }
}
