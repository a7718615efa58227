namespace Governance.Domain.Decisions;

public enum CloseReason : byte
{
    /// <summary>Someone closed voting by request.</summary>
    Requested = 1,

    /// <summary>The deadline passed.</summary>
    Deadline = 2,
}
