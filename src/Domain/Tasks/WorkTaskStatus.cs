namespace Governance.Domain.Tasks;

/// <summary>Open, then claimed by a member, completed by them, and reviewed by another member; a rejected review returns it to claimed.</summary>
public enum WorkTaskStatus
{
    Open,
    Claimed,
    Completed,
    Reviewed,
}
