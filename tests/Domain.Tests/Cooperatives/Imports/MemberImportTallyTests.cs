using FsCheck;
using FsCheck.Xunit;
using Governance.Domain.Cooperatives.Imports;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Cooperatives.Imports;

public sealed class MemberImportTallyTests
{
    [Fact]
    public void Counts_add_up_over_batches_and_an_id_settled_by_an_earlier_batch_is_a_duplicate()
    {
        var tally = new MemberImportTally(maxLines: 100, maxRefusalsListed: 10);
        ImportLine[] first = [new(1, "ann", null), new(2, "ben", null), new(3, "bad id", null)];
        Assert.All(first, line => Assert.True(tally.Admit(line)));
        tally.Settle(first, added: 1, existing: 1, [new ImportRefusal(3, ImportRefusalCodes.InvalidId, "bad")]);

        Assert.False(tally.Admit(new ImportLine(4, "ann", null)));
        Assert.True(tally.Admit(new ImportLine(5, "bad id", null)));
        tally.Reject(new ImportRefusal(6, ImportRefusalCodes.InvalidJson, "not JSON"));

        Assert.Equal((6L, 1L, 1L, 3L), (tally.Lines, tally.Added, tally.Existing, tally.Refused));
        Assert.Equal([(3, "invalid-id"), (4, "duplicate-id"), (6, "invalid-json")], tally.Refusals.Select(refusal => (refusal.Line, refusal.Code)));
    }

    [Fact]
    public void A_line_read_while_its_ids_first_batch_was_on_its_way_is_a_duplicate_once_that_batch_settles()
    {
        var tally = new MemberImportTally(maxLines: 100, maxRefusalsListed: 10);
        List<ImportLine> first = [new(1, "ann", null), new(2, "ben", "B\u0000")];
        List<ImportLine> second = [new(3, "ann", null), new(4, "ben", "Ben"), new(5, "cat", null)];
        Assert.All([.. first, .. second], line => Assert.True(tally.Admit(line)));

        tally.Settle(first, added: 1, existing: 0, [new ImportRefusal(2, ImportRefusalCodes.InvalidName, "bad name")]);
        var unsettled = tally.WithoutSettled(second);

        // ben's first line was refused, so it settled nothing: the second is still sent.
        Assert.Equal([4L, 5L], unsettled.Select(line => line.Number));
        Assert.Equal([(2, "invalid-name"), (3, "duplicate-id")], tally.Refusals.Select(refusal => (refusal.Line, refusal.Code)));
        Assert.Equal((5L, 2L), (tally.Lines, tally.Refused));
    }

    [Fact]
    public void Every_line_past_the_cap_is_refused_as_too_many_lines()
    {
        var tally = new MemberImportTally(maxLines: 2, maxRefusalsListed: 10);

        Assert.True(tally.Admit(new ImportLine(1, "ann", null)));
        Assert.False(tally.IsFull);
        tally.Reject(new ImportRefusal(2, ImportRefusalCodes.InvalidJson, "not JSON"));
        Assert.True(tally.IsFull);
        Assert.False(tally.Admit(new ImportLine(3, "ben", null)));
        tally.Reject(new ImportRefusal(4, ImportRefusalCodes.InvalidJson, "not JSON"));

        Assert.Equal((4L, 3L), (tally.Lines, tally.Refused));
        Assert.Equal([(2, "invalid-json"), (3, "too-many-lines"), (4, "too-many-lines")], tally.Refusals.Select(refusal => (refusal.Line, refusal.Code)));
    }

    [Property(MaxTest = 200)]
    public void The_listed_refusals_are_the_first_by_line_however_they_arrive(PositiveInt[] lines, byte cap)
    {
        var tally = new MemberImportTally(maxLines: long.MaxValue, maxRefusalsListed: cap);
        var distinct = lines.Select(line => (long)line.Get).Distinct().ToList();
        foreach (var line in distinct)
        {
            tally.Reject(new ImportRefusal(line, ImportRefusalCodes.InvalidCsv, "bad"));
        }

        Assert.Equal(distinct.Count, tally.Refused);
        Assert.Equal(distinct.Order().Take(cap), tally.Refusals.Select(refusal => refusal.Line));
    }

    [Fact]
    public void A_whole_file_sent_again_gives_the_same_refusals_and_only_existing_members()
    {
        var cooperative = Created();
        ImportLine[] file = [new(1, "ann", null), new(2, "ann", null), new(3, "ben", "Ben"), new(4, "", null), new(5, "ben", null)];

        (MemberImportTally Tally, int Joins) Send()
        {
            var tally = new MemberImportTally(100, 100);
            var joins = 0;
            foreach (var batch in file.Chunk(2))
            {
                var admitted = batch.Where(tally.Admit).ToList();
                var decision = cooperative.DecideImportMembers(admitted, Founder, Now);
                foreach (var join in decision.Joins)
                {
                    cooperative.Apply(join);
                }

                joins += decision.Joins.Count;
                tally.Settle(admitted, decision.Joins.Count, decision.Existing.Count, decision.Refused);
            }

            return (tally, joins);
        }

        var (first, firstJoins) = Send();
        var (again, againJoins) = Send();

        Assert.Equal((2, 2L, 0L, 3L), (firstJoins, first.Added, first.Existing, first.Refused));
        Assert.Equal((0, 0L, 2L, 3L), (againJoins, again.Added, again.Existing, again.Refused));
        Assert.Equal(first.Refusals, again.Refusals);
        Assert.Equal([(2, "duplicate-id"), (4, "missing-id"), (5, "duplicate-id")], again.Refusals.Select(refusal => (refusal.Line, refusal.Code)));
        Assert.Equal(3, cooperative.MemberCount);
    }
}
