using Governance.Domain.Identifiers;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Identifiers;

/// <summary>Ids must survive a trip through a path: the segments "." and ".." would be removed on the way.</summary>
public sealed class ResourceIdTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    public void An_id_of_only_dots_is_invalid(string id)
    {
        Assert.False(ResourceId.IsValid(id));

        var violation = Assert.Throws<RuleViolationException>(() => ResourceId.Require(id, "id"));
        Assert.Equal((RuleViolationKind.Invalid, "invalid-id", "id"), (violation.Kind, violation.Code, violation.Field));
    }

    [Theory]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("..a..")]
    [InlineData("v1.2")]
    [InlineData("-")]
    [InlineData("_")]
    public void Dots_beside_other_characters_are_allowed(string id)
    {
        Assert.True(ResourceId.IsValid(id));
    }
}
