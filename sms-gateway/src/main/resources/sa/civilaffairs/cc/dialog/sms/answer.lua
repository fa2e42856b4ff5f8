-- Puts the replies to one inbound SMS in the REPLY lane and acknowledges it, atomically and at most once.
-- All keys carry the {sms} hash tag: one cluster slot.
-- KEYS[1] answered marker of the inbound id, KEYS[2] reply lane stream, KEYS[3] inbound stream
-- ARGV[1] marker ttl ms, ARGV[2] consumer group, ARGV[3] inbound entry id, ARGV[4] fields per reply (pairs * 2),
-- ARGV[5..] the replies' field/value pairs, one reply after the other
-- Returns the number of replies added (0 when the inbound id was answered before)
local added = 0
local width = tonumber(ARGV[4])
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) and width > 0 then
  local i = 5
  while i + width - 1 <= #ARGV do
    local fields = {}
    for j = i, i + width - 1 do
      fields[#fields + 1] = ARGV[j]
    end
    redis.call('XADD', KEYS[2], '*', unpack(fields))
    added = added + 1
    i = i + width
  end
end
redis.call('XACK', KEYS[3], ARGV[2], ARGV[3])
return added
