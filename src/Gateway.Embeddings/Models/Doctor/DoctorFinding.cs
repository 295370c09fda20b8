namespace Gateway.Embeddings.Models;

/// <summary>One step of <c>models doctor</c>: what was checked, whether it passed, and what was found or is wrong.</summary>
public sealed record DoctorFinding(string Step, bool Ok, string Detail)
{
    public override string ToString() => $"{(Ok ? "ok  " : "FAIL")} {Step,-20} {Detail}";
}
