namespace IgfLive.Core.Tests.Properties;

/// <summary>A property failed at one step of a script; the message names the step and the command.</summary>
public sealed class PropertyStepException(string message, Exception inner) : Exception(message, inner);
