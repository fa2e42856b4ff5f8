-- Prelude of the person-slot steps (claim.lua, begin_move.lua): reading the "S|ref|sinceMs|office|date…" values of
-- claims and idempotency keys, and answering an attempt whose idempotency key is known already.
local function field(s, n)
  local i = 0
  for p in string.gmatch(s, '[^|]+') do
    i = i + 1
    if i == n then return p end
  end
  return nil
end
-- Whether an attempt's value has been pending for the grace time: its client died or paused; the caller settles it.
local function stale(value, now, grace)
  return field(value, 1) ~= 'A' and now - tonumber(field(value, 3)) >= grace
end
-- The answer when the idempotency key holds a value other than the stale one the caller takes over: that outcome,
-- or the attempt still pending (in flight, or stale); nil when the key is free for this attempt.
local function known(idem, takeOver, now, grace)
  if not idem or idem == takeOver then
    return nil
  end
  if field(idem, 1) == 'P' and stale(idem, now, grace) then
    return {'STALE_IDEM', idem}
  end
  return {'IDEM', idem}
end
